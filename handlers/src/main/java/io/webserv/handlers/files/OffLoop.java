package io.webserv.handlers.files;

import io.webserv.handlers.api.Exchange;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one hand-off a file handler needs: blocking work on the exchange's blocking executor, its result
 * back on the event loop. The loop never waits, and a failure of the work never escapes the executor
 * thread, where nobody would answer the client.
 */
public final class OffLoop {

    private OffLoop() {
    }

    /**
     * Runs {@code work} off the loop, then {@code then} on the loop with its result ({@code onFailure}
     * when the work threw), unless the client has gone by then. {@code work} must not touch the
     * exchange: take what it needs from it before the call.
     *
     * @param <T>       the work's result
     * @param exchange  the exchange whose executors run the work and its continuation
     * @param work      the blocking work, run on the blocking executor
     * @param onFailure the result handed to {@code then} when {@code work} throws
     * @param then      run on the event loop with the result, if the client is still there
     * @return false when the blocking executor refused the work (the server is stopping): nothing runs
     */
    public static <T> boolean run(Exchange exchange, Supplier<T> work, T onFailure, Consumer<T> then) {
        Executor loop = exchange.eventLoop();
        try {
            exchange.blockingExecutor().execute(() -> returnToLoop(exchange, loop, resultOf(work, onFailure), then));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private static <T> T resultOf(Supplier<T> work, T onFailure) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return onFailure;
        }
    }

    private static <T> void returnToLoop(Exchange exchange, Executor loop, T result, Consumer<T> then) {
        try {
            loop.execute(() -> {
                if (exchange.isOpen()) {
                    then.accept(result);
                }
            });
        } catch (RejectedExecutionException e) {
            // the loop is gone, and the connection with it: nobody to answer
        }
    }
}
