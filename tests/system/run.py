"""System tests against the real `wasmudf` binary: crash recovery and the walls between tenants
always; the load test, API fuzzing and the Ballista cluster when WASMUDF_SLOW_TESTS=1 (CI sets
it)."""
import os

import test_crash
import test_walls

test_crash.main()
test_walls.main()
if os.environ.get("WASMUDF_SLOW_TESTS") == "1":
    import test_api_fuzz
    import test_cluster
    import test_load

    test_load.main()
    test_api_fuzz.main()
    test_cluster.main()
