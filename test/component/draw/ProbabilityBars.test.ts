// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ProbabilityBars from '../../../src/renderer/src/draw/ProbabilityBars.vue';

function barWidths(wrapper: ReturnType<typeof mount>): string[] {
  return wrapper.findAll('.fill').map((bar) => (bar.element as HTMLElement).style.width);
}

describe('ProbabilityBars', () => {
  it('draws one bar per digit, as long as its probability, and highlights the most likely digit', () => {
    const probabilities = Float32Array.from([0.01, 0.02, 0.05, 0.7, 0.02, 0.1, 0.0, 0.05, 0.03, 0.02]);
    const wrapper = mount(ProbabilityBars, { props: { probabilities } });
    const rows = wrapper.findAll('[data-testid="probabilities"] li');
    expect(rows).toHaveLength(10);
    expect(rows.map((row) => row.find('.name').text())).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(barWidths(wrapper).map(parseFloat).map((w) => Math.round(w * 10) / 10)).toEqual([1, 2, 5, 70, 2, 10, 0, 5, 3, 2]);
    expect(rows[3].find('.value').text()).toBe('70.0%');
    expect(wrapper.findAll('li.top').map((row) => row.attributes('data-digit'))).toEqual(['3']);
  });

  it('moves the highlight when the probabilities change', async () => {
    const wrapper = mount(ProbabilityBars, { props: { probabilities: Float32Array.from([0.9, 0.1, 0, 0, 0, 0, 0, 0, 0, 0]) } });
    expect(wrapper.find('li.top').attributes('data-digit')).toBe('0');
    await wrapper.setProps({ probabilities: Float32Array.from([0, 0, 0, 0, 0, 0, 0, 0.2, 0, 0.8]) });
    expect(wrapper.find('li.top').attributes('data-digit')).toBe('9');
    expect(parseFloat(barWidths(wrapper)[9])).toBe(80);
  });

  it('shows empty bars and no highlighted digit when there is nothing to read', () => {
    const wrapper = mount(ProbabilityBars, { props: { probabilities: new Float32Array(10) } });
    expect(barWidths(wrapper).map(parseFloat)).toEqual(new Array(10).fill(0));
    expect(wrapper.find('li.top').exists()).toBe(false);
    expect(wrapper.findAll('.value').map((v) => v.text())).toEqual(new Array(10).fill('0.0%'));
  });
});
