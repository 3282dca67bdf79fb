/** Which page the app shows; a page can send the user to another (the Runs page opens a run's model on Draw). */
import { defineStore } from 'pinia';
import { ref } from 'vue';

export type PageName = 'train' | 'draw' | 'samples' | 'evaluate' | 'models' | 'runs' | 'network';

export const useNavigationStore = defineStore('navigation', () => {
  const current = ref<PageName>('train');
  function open(page: PageName): void {
    current.value = page;
  }
  return { current, open };
});
