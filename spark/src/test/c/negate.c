// signature: negate(b BOOLEAN) RETURNS BOOLEAN
bool negate(bool b) { return !b; }
