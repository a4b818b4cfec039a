// signature: twice(x BIGINT) RETURNS BIGINT
int64_t twice(int64_t x) { return x * 2; }
