/**
 * Memory, CPU and event-loop delay of the current process while a scenario runs. Kept apart from
 * stack.ts (which loads the API and worker) so that the load generator's child process can use it too.
 */
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface ProcessSample {
  rssStart: number;
  rssPeak: number;
  rssEnd: number;
  /** V8 heap in use (heapUsed) when the monitor started, at its peak, and when it stopped. */
  heapStart: number;
  heapPeak: number;
  heapEnd: number;
  /** CPU time of this process (user + system) over wall time, in % of one core. */
  cpuPercent: number;
  /** Event-loop delay of this process while measuring. */
  loopP99Ms: number;
  loopMaxMs: number;
  /** The machine's 1-minute load average when the scenario ended (other processes compete for the CPUs). */
  loadAvg: number;
  /** How busy all of the machine's CPUs were meanwhile (every process, this one included), in % of all CPUs. */
  machineBusyPercent: number;
}

/** Busy and total CPU time of the whole machine so far (all CPUs, ms). */
function machineCpu(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

/** Samples this process's memory every 50 ms and measures CPU and event-loop delay until stop(). */
export function monitorProcess(): { stop(): ProcessSample } {
  const rssStart = process.memoryUsage.rss();
  let rssPeak = rssStart;
  const heapStart = process.memoryUsage().heapUsed;
  let heapPeak = heapStart;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  }, 50);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const machine0 = machineCpu();
  const t0 = performance.now();
  return {
    stop() {
      clearInterval(timer);
      loop.disable();
      const cpu = process.cpuUsage(cpu0);
      const machine = machineCpu();
      const wallMs = performance.now() - t0;
      const { rss: rssEnd, heapUsed: heapEnd } = process.memoryUsage();
      return {
        rssStart,
        rssPeak: Math.max(rssPeak, rssEnd),
        rssEnd,
        heapStart,
        heapPeak: Math.max(heapPeak, heapEnd),
        heapEnd,
        cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
        loopP99Ms: loop.percentile(99) / 1e6,
        loopMaxMs: loop.max / 1e6,
        loadAvg: os.loadavg()[0],
        machineBusyPercent: ((machine.busy - machine0.busy) / Math.max(1, machine.total - machine0.total)) * 100,
      };
    },
  };
}
