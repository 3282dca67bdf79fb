/**
 * Long renderer tasks, seen from inside the page: a PerformanceObserver for 'longtask' (the measure the target
 * is about) and one for 'long-animation-frame', whose script entries name what ran (source, function, invoker),
 * which the longtask attribution (usually just "self") does not. A MutationObserver notes when a chart's
 * data-points attribute changes (set right after its setOption), to name the chart a long chart task redrew.
 */
import type { Page } from 'playwright-core';

export const LONG_TASK_MS = 50;

/** Installed with page.addInitScript, so buffered entries from the first paint on are kept. */
const OBSERVER_SCRIPT = `(() => {
  const tasks = (window.__benchLongTasks = []);
  const frames = (window.__benchLongFrames = []);
  const redraws = (window.__benchChartRedraws = []);
  new MutationObserver((records) => {
    for (const r of records) redraws.push({ at: performance.now(), chart: r.target.dataset.testid + ' → ' + r.target.dataset.points + ' points' });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-points'] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      tasks.push({ start: e.startTime, duration: e.duration, attribution: e.attribution.map((a) => a.name + '/' + a.containerType) });
    }
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        frames.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          render_ms: e.duration - (e.renderStart ? e.renderStart - e.startTime : e.duration),
          style_layout_ms: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
          scripts: e.scripts.map((s) => ({
            invoker: s.invoker,
            type: s.invokerType,
            source: s.sourceURL.replace(location.origin, '') + ' ' + s.sourceFunctionName + '@' + s.sourceCharPosition,
            duration: s.duration,
            forced_layout_ms: s.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
})();`;

interface LongTask {
  start: number;
  duration: number;
  attribution: string[];
}
interface LongFrame {
  start: number;
  duration: number;
  blocking: number;
  render_ms: number;
  style_layout_ms: number;
  scripts: Array<{ invoker: string; type: string; source: string; duration: number; forced_layout_ms: number }>;
}

export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript({ content: OBSERVER_SCRIPT });
}

export function pageNow(page: Page): Promise<number> {
  return page.evaluate('performance.now()') as Promise<number>;
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** The long tasks that started in [from, to] (page clock, ms), and the long frames overlapping each of the worst. */
export async function longTasksBetween(page: Page, from: number, to: number): Promise<Record<string, unknown>> {
  const tasks = ((await page.evaluate('window.__benchLongTasks')) as LongTask[]).filter((t) => t.start >= from && t.start <= to);
  const frames = (await page.evaluate('window.__benchLongFrames')) as LongFrame[];
  const redraws = (await page.evaluate('window.__benchChartRedraws')) as Array<{ at: number; chart: string }>;
  const worst = [...tasks].sort((a, b) => b.duration - a.duration);
  const overlapping = (t: LongTask): LongFrame[] => frames.filter((f) => f.start < t.start + t.duration && f.start + f.duration > t.start);
  return {
    max: round(worst[0]?.duration ?? 0),
    over_target: tasks.filter((t) => t.duration > LONG_TASK_MS).length,
    window_s: round((to - from) / 1000),
    worst: worst.slice(0, 5).map((t) => ({
      at_s: round((t.start - from) / 1000),
      duration: round(t.duration),
      attribution: t.attribution,
      // Vue patches the attribute in a microtask of the same task, observed just after it ends.
      charts_redrawn: redraws.filter((r) => r.at >= t.start && r.at <= t.start + t.duration + 5).map((r) => r.chart),
      frames: overlapping(t).map((f) => ({
        duration: round(f.duration),
        blocking: round(f.blocking),
        render_ms: round(f.render_ms),
        style_layout_ms: round(f.style_layout_ms),
        scripts: [...f.scripts].sort((a, b) => b.duration - a.duration).slice(0, 4).map((s) => ({ ...s, duration: round(s.duration), forced_layout_ms: round(s.forced_layout_ms) })),
      })),
    })),
  };
}
