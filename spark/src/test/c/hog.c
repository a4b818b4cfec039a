// signature: hog(mb INT) RETURNS INT
// Allocates `mb` MiB and touches it: past the catalog's memory limit, the instance is refused more.
#include <stdlib.h>
#include <string.h>
int32_t hog(int32_t mb) {
    char *p = malloc((size_t)mb << 20);
    if (!p) return -1;
    memset(p, 1, (size_t)mb << 20);
    return p[(size_t)mb << 19];
}
