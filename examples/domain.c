// A string MAP: the domain of an e-mail address ("fdumphy0@mtv.com" -> "mtv.com").
// The result points into the input string, so nothing is copied or allocated.
#include <string.h>

wasmudf_str domain(wasmudf_str email) {
    const char *at = memchr(email.ptr, '@', (size_t)email.len);
    if (!at) return wasmudf_str_from(email.ptr, 0);
    return wasmudf_str_from(at + 1, (int32_t)(email.ptr + email.len - (at + 1)));
}
