// signature: mix(a INT, b BIGINT, c FLOAT, d DOUBLE, e BOOLEAN) RETURNS DOUBLE
// Every numeric type at once, and more than three arguments (Spark's produceResult path).
double mix(int32_t a, int64_t b, float c, double d, bool e) { return e ? a + (double)b + c + d : -1.0; }
