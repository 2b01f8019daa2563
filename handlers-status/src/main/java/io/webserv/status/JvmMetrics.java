package io.webserv.status;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * The JVM's heap and garbage collections, from the JDK's own MXBeans, read when a page is asked for
 * (never on a request's path).
 *
 * @param heapUsed      bytes of heap in use
 * @param heapCommitted bytes of heap the JVM holds from the OS
 * @param heapMax       the most the heap may grow to, or -1 when undefined
 * @param collectors    one entry per garbage collector
 */
record JvmMetrics(long heapUsed, long heapCommitted, long heapMax, List<Collector> collectors) {

    /**
     * One garbage collector.
     *
     * @param name        as the JVM names it ({@code G1 Young Generation}...)
     * @param collections collections since the start
     * @param seconds     their accumulated elapsed time, as the MXBean reports it (for a stop-the-world
     *                    collector, its pauses; for a concurrent one's cycles, more than the pauses)
     */
    record Collector(String name, long collections, double seconds) {
    }

    static JvmMetrics now() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        List<Collector> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(JvmMetrics::collector).toList();
        return new JvmMetrics(heap.getUsed(), heap.getCommitted(), heap.getMax(), collectors);
    }

    private static Collector collector(GarbageCollectorMXBean bean) {
        return new Collector(bean.getName(), Math.max(0, bean.getCollectionCount()),
                Math.max(0, bean.getCollectionTime()) / 1000.0);
    }
}
