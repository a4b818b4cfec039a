"""System tests against the real `wasmudf serve` binary: crash recovery always; the load test
and API fuzzing when WASMUDF_SLOW_TESTS=1 (CI sets it)."""
import os

import test_crash

test_crash.main()
if os.environ.get("WASMUDF_SLOW_TESTS") == "1":
    import test_api_fuzz
    import test_load

    test_load.main()
    test_api_fuzz.main()
