// What can take a picture of the screen: the Electron shell (webContents.capturePage), or a test's browser.

/** Returns the PNG bytes of what the kiosk window shows right now. */
export interface ScreenshotProvider {
  capture(): Promise<Uint8Array>;
}
