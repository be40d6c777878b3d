// pith extension, background (Chromium: service worker; Firefox: event page). Its one job: when
// the reader clicks the toolbar button or presses Alt+Shift+P (the _execute_action command,
// which lands in action.onClicked too), open the side panel / sidebar and tell it which tab to
// read. The click grants activeTab for that tab, so the panel can inject content.js into it;
// no page is read before the reader asks, and none without asking.
//
// The request goes through storage.session rather than a message: the panel may still be
// loading (opened by this very click) when it is written, and reads it when it starts.
const ext = globalThis.browser ?? globalThis.chrome;

function summarise(tab) {
  // Both browsers open the panel only in response to a user action: it must be called here,
  // in the listener's own turn, before anything is awaited.
  const opening = ext.sidebarAction
    ? ext.sidebarAction.open()
    : ext.sidePanel.open({ windowId: tab.windowId });
  const request = {
    tabId: tab.id,
    windowId: tab.windowId,
    // With activeTab granted, the tab's URL and title are visible for this tab.
    url: tab.url || '',
    title: tab.title || '',
    at: Date.now(),
  };
  return Promise.all([
    Promise.resolve(opening).catch((err) => console.warn(`pith: the panel did not open (${err && err.message})`)),
    ext.storage.session.set({ request }),
  ]);
}

ext.action.onClicked.addListener(summarise);
