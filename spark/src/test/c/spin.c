// signature: spin(a INT) RETURNS INT
int32_t spin(int32_t a) { volatile int32_t x = a; while (x >= 0) { x = x + 0; } return x; }
