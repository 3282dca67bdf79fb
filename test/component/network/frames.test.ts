// @vitest-environment happy-dom
/** Work spread over animation frames (the Network page's tiles and parts), on a hand-driven clock and frame queue. */
import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref, useTemplateRef, type Ref } from 'vue';
import { FRAME_BUDGET_MS, inTurn, runInFrames, useSeen, useStagger } from '../../../src/renderer/src/network/frames';

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

/** A component whose setup calls `use` (a composable under test) and renders the box it may watch. */
const Probe = defineComponent({
  props: { use: { type: Function, required: true } },
  setup(props) {
    props.use();
    return () => h('div', { ref: 'box' });
  },
});

describe('runInFrames', () => {
  it('runs the steps from the next frame on, as many per frame as fit the budget', () => {
    const ran: number[] = [];
    const done = vi.fn();
    // 3 ms each: 0, 3, 6 started within 8 ms, the step at 6 ends at 9: three per frame.
    runInFrames(timedSteps(7, 3, ran), done);
    expect(FRAME_BUDGET_MS).toBe(8);
    expect(ran).toEqual([]);
    nextFrame();
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
    nextFrame();
    expect(ran).toEqual([0]);
    nextFrame();
    expect(ran).toEqual([0, 1]);
    cancel();
    nextFrame();
    expect(ran).toEqual([0, 1]);
    expect(done).not.toHaveBeenCalled();
  });
  it("takes an iterator's next() calls as its steps: a generator's work between two yields is one step", () => {
    const ran: string[] = [];
    const done = vi.fn();
    function* layers(): Generator<void> {
      for (const layer of ['conv2d', 'max_pooling2d', 'dense']) {
        clock += 5;
        ran.push(layer);
        yield;
      }
    }
    runInFrames(layers(), done);
    nextFrame();
    // 0 ms and 5 ms started within the frame's 8 ms.
    expect(ran).toEqual(['conv2d', 'max_pooling2d']);
    nextFrame();
    expect(ran).toEqual(['conv2d', 'max_pooling2d', 'dense']);
    expect(done).toHaveBeenCalledOnce();
    expect(frames.size).toBe(0);
  });
  it('goes on with the other runs when a step throws: a generator that threw is done', () => {
    const ran: string[] = [];
    function* failing(): Generator<void> {
      yield;
      throw new Error('unsupported layer');
    }
    runInFrames(failing());
    runInFrames([() => ran.push('tile')]);
    expect(() => nextFrame()).toThrow('unsupported layer');
    expect(ran).toEqual([]);
    nextFrame();
    expect(ran).toEqual(['tile']);
    expect(frames.size).toBe(0);
  });
});

describe('runInFrames, several runs', () => {
  it('shares one budget per frame among runs, the older run first', () => {
    const first: number[] = [];
    const second: number[] = [];
    runInFrames(timedSteps(2, 3, first));
    runInFrames(timedSteps(3, 3, second));
    nextFrame();
    // 0 ms, 3 ms, 6 ms: three steps started within the frame's 8 ms, two of them the older run's.
    expect([first, second]).toEqual([[0, 1], [0]]);
    nextFrame();
    expect(second).toEqual([0, 1, 2]);
  });

  it('gives a turn a frame of its own: steps asked for before it run in an earlier frame, those after in a later one', () => {
    const ran: string[] = [];
    runInFrames([() => ran.push('tile 1')]);
    inTurn(() => ran.push('chart'));
    runInFrames([() => ran.push('tile 2')]);
    nextFrame();
    expect(ran).toEqual(['tile 1']);
    nextFrame();
    expect(ran).toEqual(['tile 1', 'chart']);
    nextFrame();
    expect(ran).toEqual(['tile 1', 'chart', 'tile 2']);
  });
});

describe('useStagger', () => {
  it('shows one more part per frame up to the count, and starts again from none when the key changes', async () => {
    const key = ref('mlp');
    let shown!: Readonly<Ref<number>>;
    mount(Probe, { props: { use: () => (shown = useStagger(key, () => 3)) } });
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

describe('inTurn', () => {
  it('runs each callback in an animation frame of its own, oldest first, and not one taken out of the queue', () => {
    const ran: string[] = [];
    inTurn(() => ran.push('a'));
    const dequeue = inTurn(() => ran.push('b'));
    inTurn(() => ran.push('c'));
    expect(ran).toEqual([]);
    nextFrame();
    expect(ran).toEqual(['a']);
    dequeue();
    nextFrame();
    expect(ran).toEqual(['a', 'c']);
    expect(frames.size).toBe(0);
  });
});

/** IntersectionObservers made, newest last; `cross` tells one that its target came into view or left it. */
class FakeObserver {
  static made: FakeObserver[] = [];
  targets: Element[] = [];
  disconnected = false;
  constructor(private readonly report: (entries: Array<{ isIntersecting: boolean }>) => void) {
    FakeObserver.made.push(this);
  }
  observe(target: Element): void {
    this.targets.push(target);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  cross(isIntersecting: boolean): void {
    this.report([{ isIntersecting }]);
  }
}

/** Flags of the boxes watched by useSeen, in the order mounted. */
const seenFlags: Array<Readonly<Ref<boolean>>> = [];
const mountWatchedBox = (): unknown => mount(Probe, { props: { use: () => seenFlags.push(useSeen(useTemplateRef<HTMLElement>('box'))) } });

describe('useSeen', () => {
  beforeEach(() => {
    FakeObserver.made = [];
    seenFlags.length = 0;
    vi.stubGlobal('IntersectionObserver', FakeObserver);
  });

  it('comes true in its own frame once the target comes near the viewport, and stays true', () => {
    mountWatchedBox();
    const [observer] = FakeObserver.made;
    const [seen] = seenFlags;
    expect(observer.targets).toHaveLength(1);
    nextFrame();
    expect(seen.value).toBe(false);
    observer.cross(false);
    nextFrame();
    expect(seen.value).toBe(false);
    observer.cross(true);
    expect(seen.value).toBe(false);
    expect(observer.disconnected).toBe(true);
    nextFrame();
    expect(seen.value).toBe(true);
  });

  it('makes two parts that come into view together in two frames', () => {
    mountWatchedBox();
    mountWatchedBox();
    for (const observer of FakeObserver.made) observer.cross(true);
    const flags = (): boolean[] => seenFlags.map((seen) => seen.value);
    nextFrame();
    expect(flags()).toEqual([true, false]);
    nextFrame();
    expect(flags()).toEqual([true, true]);
  });
});
