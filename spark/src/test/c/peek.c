// signature: peek(a INT) RETURNS INT
// Reads far outside its memory: the sandbox traps, the JVM lives on.
int32_t peek(int32_t a) { volatile int32_t *p = (int32_t *)(uintptr_t)0xFFFFFFF0u; return p[a]; }
