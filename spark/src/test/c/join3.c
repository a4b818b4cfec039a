// signature: join3(a STRING, b STRING, c STRING) RETURNS STRING
#include <string.h>
wasmudf_str join3(wasmudf_str a, wasmudf_str b, wasmudf_str c) {
    char *out = wasmudf_alloc((size_t)a.len + b.len + c.len + 2);
    char *p = out;
    memcpy(p, a.ptr, (size_t)a.len); p += a.len; *p++ = '-';
    memcpy(p, b.ptr, (size_t)b.len); p += b.len; *p++ = '-';
    memcpy(p, c.ptr, (size_t)c.len); p += c.len;
    return wasmudf_str_from(out, (int32_t)(p - out));
}
