// signature: divide(a INT, b INT) RETURNS INT
int32_t divide(int32_t a, int32_t b) { return a / b; }
