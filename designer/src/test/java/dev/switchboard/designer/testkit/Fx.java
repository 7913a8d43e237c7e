package dev.switchboard.designer.testkit;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Reads UI state on the FX thread, where it may be read safely. */
public final class Fx {
    private Fx() {}

    public static <T> T call(Callable<T> read) {
        return WaitForAsyncUtils.waitForAsyncFx(TimeUnit.SECONDS.toMillis(10), read);
    }
}
