// @vitest-environment happy-dom
/** Work spread over animation frames (the Network page's tiles and parts), on a hand-driven clock and frame queue. */
import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref, type Ref } from 'vue';
import { FRAME_BUDGET_MS, runInFrames, useStagger } from '../../../src/renderer/src/network/frames';

let frames: Map<number, FrameRequestCallback>;
let clock: number;

beforeEach(() => {
  frames = new Map();
  clock = 0;
  let ids = 0;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => (frames.set(++ids, callback), ids));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Runs the callbacks requested for the next frame. */
function nextFrame(): void {
  const due = [...frames.values()];
  frames.clear();
  for (const callback of due) callback(clock);
}

/** Steps that each take `ms` on the clock and note their index when run. */
function timedSteps(count: number, ms: number, ran: number[]): Array<() => void> {
  return Array.from({ length: count }, (_, i) => () => {
    clock += ms;
    ran.push(i);
  });
}

describe('runInFrames', () => {
  it('runs the first steps at once and the rest in later frames, as many per frame as fit the budget', () => {
    const ran: number[] = [];
    const done = vi.fn();
    // 3 ms each: 0, 3, 6 started within 8 ms, the step at 6 ends at 9: three per frame.
    runInFrames(timedSteps(7, 3, ran), done);
    expect(FRAME_BUDGET_MS).toBe(8);
    expect(ran).toEqual([0, 1, 2]);
    nextFrame();
    expect(ran).toEqual([0, 1, 2, 3, 4, 5]);
    expect(done).not.toHaveBeenCalled();
    nextFrame();
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(done).toHaveBeenCalledOnce();
    expect(frames.size).toBe(0);
  });

  it('runs at least one step per frame, however long a step takes, and drops the rest when cancelled', () => {
    const ran: number[] = [];
    const done = vi.fn();
    const cancel = runInFrames(timedSteps(4, 20, ran), done);
    expect(ran).toEqual([0]);
    nextFrame();
    expect(ran).toEqual([0, 1]);
    cancel();
    nextFrame();
    expect(ran).toEqual([0, 1]);
    expect(done).not.toHaveBeenCalled();
  });
});

describe('useStagger', () => {
  it('shows one more part per frame up to the count, and starts again from none when the key changes', async () => {
    const key = ref('mlp');
    let shown!: Readonly<Ref<number>>;
    mount(
      defineComponent({
        setup() {
          shown = useStagger(key, () => 3);
          return () => h('p', shown.value);
        },
      }),
    );
    expect(shown.value).toBe(0);
    const counts: number[] = [];
    for (let frame = 0; frame < 5; frame++) {
      nextFrame();
      counts.push(shown.value);
    }
    expect(counts).toEqual([1, 2, 3, 3, 3]);
    expect(frames.size).toBe(0);

    key.value = 'cnn';
    await nextTick();
    expect(shown.value).toBe(0);
    nextFrame();
    expect(shown.value).toBe(1);
  });
});
