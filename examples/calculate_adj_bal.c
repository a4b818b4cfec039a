// The paper's example, unchanged: an adjusted balance from a balance and a rate.
float calculate_adj_bal(int balance, float rate) { return (balance * rate) + balance/1000; }
