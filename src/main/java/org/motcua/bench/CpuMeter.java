package org.motcua.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Where a benchmark round's CPU went: this JVM (the node, and the benchmark's clients or bare engine threads in it,
 * and its JIT compiler), the PostgreSQL server processes when they run on this host, and how busy the machine's cores
 * were. Read from {@code /proc} (Linux); elsewhere only the JVM's share is known.
 *
 * <p>On a host whose cores are all busy the rate is set by the CPU each lifecycle costs, so these figures say which
 * side of the comparison pays for what.
 */
final class CpuMeter {

  /** Linux reports process CPU in clock ticks of 10 ms ({@code getconf CLK_TCK} = 100 on every common kernel). */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private CpuMeter() {
  }

  /** CPU used so far, in nanoseconds (the machine's in ticks); all but {@code jvm} are -1 where /proc is not there. */
  record Reading(long jvm, long jit, long postgres, long busyTicks, long allTicks) {

    static final Reading ZERO = new Reading(0, 0, 0, 0, 0);

    Reading minus(Reading before) {
      return new Reading(jvm - before.jvm, difference(jit, before.jit), difference(postgres, before.postgres),
          difference(busyTicks, before.busyTicks), difference(allTicks, before.allTicks));
    }

    Reading plus(Reading other) {
      return new Reading(jvm + other.jvm, sum(jit, other.jit), sum(postgres, other.postgres),
          sum(busyTicks, other.busyTicks), sum(allTicks, other.allTicks));
    }

    /** Share of this JVM's CPU taken by its JIT compiler threads, or -1 when unknown. */
    double jitShare() {
      return jit < 0 || jvm <= 0 ? -1 : (double) jit / jvm;
    }

    /** Share of the machine's core time that was busy, or NaN when unknown. */
    double busyShare() {
      return allTicks <= 0 ? Double.NaN : (double) busyTicks / allTicks;
    }

    /**
     * {@code a - b}, unknown (-1) when either is; never below 0, since a thread or process that ended between the two
     * readings takes its time with it.
     */
    private static long difference(long a, long b) {
      return a < 0 || b < 0 ? -1 : Math.max(0, a - b);
    }

    /** {@code a + b}, unknown (-1) when either is. */
    private static long sum(long a, long b) {
      return a < 0 || b < 0 ? -1 : a + b;
    }
  }

  static Reading now() {
    long jvm = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    long[] machine = machineTicks();
    return new Reading(jvm, jitNanos(), postgresNanos(), machine[0], machine[1]);
  }

  /**
   * CPU of this JVM's JIT compiler threads: still large after warm-up means the figures measure compilation. (A
   * compiler thread the JVM stops when idle takes its count with it, so this can only under-report.) Linux names
   * them "C2 CompilerThre…" (thread names are cut to 15 characters).
   */
  private static long jitNanos() {
    return nanosOf(Path.of("/proc/self/task"), name -> name.contains("CompilerThre"));
  }

  /** Sum of user and system time of every process named {@code postgres} (the server and its backends). */
  private static long postgresNanos() {
    return nanosOf(Path.of("/proc"), "postgres"::equals);
  }

  /** CPU time of the processes or threads listed in {@code folder} whose name passes {@code named}; -1 without it. */
  private static long nanosOf(Path folder, Predicate<String> named) {
    if (!Files.isDirectory(folder)) {
      return -1;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .mapToLong(entry -> ticks(entry, named)).sum() * NANOS_PER_TICK;
    } catch (IOException e) {
      return -1;
    }
  }

  /** User and system ticks of a process or thread (a folder of /proc) whose name passes {@code named}, else 0. */
  private static long ticks(Path process, Predicate<String> named) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      int nameEnd = stat.lastIndexOf(')');
      if (!named.test(stat.substring(stat.indexOf('(') + 1, nameEnd))) {
        return 0;
      }
      // utime and stime are the 14th and 15th fields of the line, the 12th and 13th after the name.
      String[] fields = stat.substring(nameEnd + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException gone) {
      return 0; // it ended while being read
    }
  }

  /** {busy, all} ticks of all cores since boot, from the first line of /proc/stat. */
  private static long[] machineTicks() {
    try {
      String[] values = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      long all = 0;
      // user nice system idle iowait irq softirq steal; guest time is already counted in user.
      for (int i = 1; i < Math.min(values.length, 9); i++) {
        long ticks = Long.parseLong(values[i]);
        all += ticks;
        if (i != 4 && i != 5) {
          busy += ticks;
        }
      }
      return new long[] {busy, all};
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1};
    }
  }
}
