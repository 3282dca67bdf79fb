// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { forgetSignInCode } from '../../../src/renderer/src/api/ws-client';

describe("web mode's sign-in code in the address bar", () => {
  it('is dropped from the address and its history entry, keeping the rest of the address', () => {
    window.history.replaceState(null, '', '/?code=0123abcd&view=draw#top');
    const entries = window.history.length;
    forgetSignInCode(window.location, window.history);
    expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe('/?view=draw#top');
    expect(window.history.length).toBe(entries);
  });

  it('leaves an address without a code alone', () => {
    window.history.replaceState(null, '', '/?view=draw');
    const replaceState = vi.spyOn(window.history, 'replaceState');
    forgetSignInCode(window.location, window.history);
    expect(replaceState).not.toHaveBeenCalled();
  });
});
