package io.tokengovernor.core.claudelog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads many log files in parallel and hands them over in the order given, which is the order
 * ccusage merges them in (de-duplication keeps the first copy's place, so order is part of the
 * result). Each file is handed over as soon as it and all files before it are read, and then
 * forgotten: merging overlaps reading, and only de-duplicated entries stay in memory. The largest
 * files start first so that one big file does not finish last alone.
 */
public final class LogScan {

    private final LogLineParser parser;
    private final int threads;
    private final LineCache cache;

    public LogScan(LogLineParser parser, int threads, LineCache cache) {
        this.parser = parser;
        this.threads = Math.max(1, threads);
        this.cache = cache;
    }

    /** @param cache the lines of earlier runs, or {@code null} to read every file whole */
    public static LogScan withAvailableCores(LogLineParser parser, LineCache cache) {
        return new LogScan(parser, Runtime.getRuntime().availableProcessors(), cache);
    }

    /** All files, read, in the order given. */
    public List<LogFile> read(List<Path> files) {
        List<LogFile> read = new ArrayList<>(files.size());
        read(files, read::add);
        return read;
    }

    /** Calls {@code merge} with each file in the order given, on the calling thread. */
    public void read(List<Path> files, Consumer<LogFile> merge) {
        read(files, file -> file, merge);
    }

    /**
     * Reads each file and turns it into a {@code T} with {@code prepare} on the reading thread (work
     * that does not depend on other files belongs there), then calls {@code merge} with each result in
     * the order given, on the calling thread.
     */
    public <T> void read(List<Path> files, Function<LogFile, T> prepare, Consumer<T> merge) {
        int workers = Math.min(threads, files.size());
        if (workers <= 1) {
            LogFileReader reader = new LogFileReader(parser);
            files.forEach(file -> merge.accept(prepare.apply(read(file, reader))));
            return;
        }
        Object[] done = new Object[files.size()];
        Throwable[] failure = new Throwable[1];
        Integer[] bySize = largestFirst(files);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "log-scan");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int w = 0; w < workers; w++) {
                pool.execute(() -> {
                    LogFileReader reader = new LogFileReader(parser);
                    try {
                        for (int n = next.getAndIncrement(); n < bySize.length; n = next.getAndIncrement()) {
                            int index = bySize[n];
                            T prepared = prepare.apply(read(files.get(index), reader));
                            synchronized (done) {
                                done[index] = prepared;
                                done.notifyAll();
                            }
                        }
                    } catch (RuntimeException | Error e) {
                        synchronized (done) {
                            failure[0] = e;
                            done.notifyAll();
                        }
                    }
                });
            }
            for (int i = 0; i < done.length; i++) {
                Object file;
                synchronized (done) {
                    while (done[i] == null && failure[0] == null) {
                        done.wait();
                    }
                    if (failure[0] != null) {
                        throw new IllegalStateException("a log reader failed", failure[0]);
                    }
                    file = done[i];
                    done[i] = null;
                }
                @SuppressWarnings("unchecked") // done[i] holds what prepare returned for file i
                T prepared = (T) file;
                merge.accept(prepared);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading logs", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private LogFile read(Path file, LogFileReader reader) {
        return cache != null ? cache.read(file, reader) : reader.read(file);
    }

    private static Integer[] largestFirst(List<Path> files) {
        long[] sizes = new long[files.size()];
        Integer[] order = new Integer[files.size()];
        for (int i = 0; i < sizes.length; i++) {
            order[i] = i;
            try {
                sizes[i] = Files.size(files.get(i));
            } catch (IOException e) {
                sizes[i] = 0;
            }
        }
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> -sizes[i]).thenComparingInt(i -> i));
        return order;
    }
}
