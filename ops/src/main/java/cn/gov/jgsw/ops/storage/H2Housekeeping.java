package cn.gov.jgsw.ops.storage;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.Callable;

/**
 * H2's own housekeeping of the store file, as its background writer runs it under load, without that writer's
 * commits (ADR 0021): when the chunks old enough to be rewritten hold too little live data (H2's own threshold), the live pages of
 * those below the average are rewritten, at most {@link #WRITE_LIMIT_BYTES} at a time, under the store's own lock.
 * <p>
 * H2 offers this only to its background writer. {@link MVStore#compact} rewrites any chunk, the fullest too:
 * rewriting that way often enough put the approvals seconds behind under load, and rarely enough let a large
 * preload's file grow to many times its live data (measured: BENCHMARKS.md).
 * The three members are found by name when the class loads, so a version of H2 that renamed one fails every start of
 * the embedded store, and every test that starts one, at once.
 */
final class H2Housekeeping {

    /** H2's under load: a quarter of its 19 MB of unsaved changes that trigger a commit. */
    static final int WRITE_LIMIT_BYTES = 19 * 1024 * 1024 / 4;
    /** H2's target under load (90% squared), against which it compares 50 + half the rewritable fill rate. */
    private static final int TARGET_FILL_PERCENT = 81;

    private static final Method REWRITABLE_FILL_RATE = member(FileStore.class, "getRewritableChunksFillRate");
    private static final Method REWRITE_CHUNKS = member(FileStore.class, "rewriteChunks", int.class, int.class);
    private static final Method UNDER_STORE_LOCK = member(MVStore.class, "tryExecuteUnderStoreLock", Callable.class);

    private H2Housekeeping() {
    }

    /** Rewrites the sparsest old chunks if the file needs it; waits at most 10 ms for the store's lock. */
    static void run(MVStore store) {
        FileStore<?> file = store.getFileStore();
        int rewritable = (int) call(REWRITABLE_FILL_RATE, file);
        if (50 + rewritable / 2 >= TARGET_FILL_PERCENT) {
            return;
        }
        Callable<Boolean> rewrite = () -> {
            if ((boolean) call(REWRITE_CHUNKS, file, WRITE_LIMIT_BYTES, rewritable)) {
                file.dropUnusedChunks();
            }
            return true;
        };
        call(UNDER_STORE_LOCK, store, rewrite);
    }

    private static Method member(Class<?> type, String name, Class<?>... parameters) {
        try {
            Method method = type.getDeclaredMethod(name, parameters);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("H2 " + type.getSimpleName() + "." + name + " is gone: see ADR 0021", e);
        }
    }

    private static Object call(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
