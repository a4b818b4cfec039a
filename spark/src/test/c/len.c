// signature: len(s STRING) RETURNS INT
// Characters, not bytes: counts the bytes that start a UTF-8 character.
int32_t len(wasmudf_str s) {
    int32_t n = 0;
    for (int32_t i = 0; i < s.len; i++) n += ((unsigned char)s.ptr[i] & 0xC0) != 0x80;
    return n;
}
