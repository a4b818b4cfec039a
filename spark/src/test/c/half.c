// signature: half(x DOUBLE) RETURNS FLOAT
float half(double x) { return (float)(x / 2); }
