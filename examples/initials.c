// A string MAP that builds new strings: "Florette" + "Dumphy" -> "F.D.".
// wasmudf_alloc memory lives until the batch ends; no free() needed.
// Copies whole UTF-8 characters, so "Søren Østergaard" -> "S.Ø." stays valid UTF-8.
#include <ctype.h>

static int32_t first_char_len(wasmudf_str s) {
    int32_t n = s.len > 0 ? 1 : 0;
    while (n < s.len && ((unsigned char)s.ptr[n] & 0xC0) == 0x80) n++;
    return n;
}

static int32_t put_initial(char *out, wasmudf_str s) {
    int32_t n = first_char_len(s);
    for (int32_t i = 0; i < n; i++) out[i] = s.ptr[i];
    if (n == 1) out[0] = (char)toupper((unsigned char)out[0]);
    if (n > 0) out[n++] = '.';
    return n;
}

wasmudf_str initials(wasmudf_str first, wasmudf_str last) {
    char *out = wasmudf_alloc(10);
    int32_t n = put_initial(out, first);
    n += put_initial(out + n, last);
    return wasmudf_str_from(out, n);
}
