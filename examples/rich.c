// FILTER: keep the accounts holding more than 90,000.
bool rich(int balance) { return balance > 90000; }
