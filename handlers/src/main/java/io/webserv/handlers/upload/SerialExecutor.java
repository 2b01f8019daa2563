package io.webserv.handlers.upload;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one at a time, in the order they were given, on a shared pool (the construction of
 * {@link Executor}'s javadoc). The disk work of one file (create, writes, close, delete) then never
 * overlaps or reorders, so a delete queued behind a write runs after it and nothing is left behind,
 * while different uploads still run on the pool's threads in parallel. Each task sees what the
 * previous one wrote: the queue's lock orders them.
 */
final class SerialExecutor implements Executor {

    private final Executor pool;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>(); // guarded by this
    private boolean draining; // guarded by this: a drain is scheduled or running

    SerialExecutor(Executor pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /** @throws RejectedExecutionException when the pool refuses work (it is shutting down); nothing is queued then */
    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                tasks.clear();
                draining = false;
            }
            throw e;
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (this) {
                task = tasks.poll();
                if (task == null) {
                    draining = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                // A bug in one task must not stop the ones behind it (a delete, say): report it as uncaught.
                Thread thread = Thread.currentThread();
                thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
            }
        }
    }
}
