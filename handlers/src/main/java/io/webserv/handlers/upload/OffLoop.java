package io.webserv.handlers.upload;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Runs a file system call off the event loop and brings its outcome back to the loop, always later
 * (never inside the caller's own call, so callers need not expect re-entrance). A call that throws
 * anything, even a bug's RuntimeException, counts as failed, so its owner always hears back and can
 * clean up.
 */
final class OffLoop {

    /** A blocking call. */
    @FunctionalInterface
    interface IoCall<T> {
        T call() throws IOException;
    }

    private OffLoop() {
    }

    /**
     * Runs {@code call} on {@code disk}, then {@code onSuccess} or {@code onFailure} on {@code loop}. When
     * {@code disk} refuses the call (the server is stopping), {@code onFailure} hears it; when the loop is
     * gone, nobody does, as its connections are gone with it.
     */
    static <T> void run(Executor disk, Executor loop, IoCall<T> call, Consumer<T> onSuccess,
                        Consumer<IOException> onFailure) {
        try {
            disk.execute(() -> {
                T result;
                try {
                    result = call.call();
                } catch (IOException e) {
                    toLoop(loop, () -> onFailure.accept(e));
                    return;
                } catch (RuntimeException e) {
                    toLoop(loop, () -> onFailure.accept(new IOException(e)));
                    return;
                }
                toLoop(loop, () -> onSuccess.accept(result));
            });
        } catch (RejectedExecutionException e) {
            toLoop(loop, () -> onFailure.accept(new IOException("the server is stopping", e)));
        }
    }

    static void toLoop(Executor loop, Runnable action) {
        try {
            loop.execute(action);
        } catch (RejectedExecutionException e) {
            // the event loop has stopped, and its connections with it: nobody is left to tell
        }
    }
}
