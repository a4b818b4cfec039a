/* A weighted average as an aggregate: the state, then step (one row), merge (two partial
 * states: partitions, cluster executors) and finish (the group's value). A group whose every
 * row had a NULL argument is NULL, and finish is not called for it. */
typedef struct {
    double sum_xw;
    double sum_w;
} wavg_state;

void wavg_step(wavg_state *state, double x, double w) {
    state->sum_xw += x * w;
    state->sum_w += w;
}

void wavg_merge(wavg_state *state, const wavg_state *other) {
    state->sum_xw += other->sum_xw;
    state->sum_w += other->sum_w;
}

double wavg_finish(const wavg_state *state) {
    return state->sum_xw / state->sum_w;
}
