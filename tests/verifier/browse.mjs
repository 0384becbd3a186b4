// Drives the system's headless Chromium through the verification site as a visitor would.
//
//   node browse.mjs CHROMIUM BASE_URL STEPS_JSON
//
// STEPS_JSON is a list of {"open": path} or {"lookup": typed_text}; each step prints one JSON line
// with the page's address, title, the text of <main> and the lookup's answer after it settles.
import puppeteer from 'puppeteer-core';

const [executablePath, base, stepsJson] = process.argv.slice(2);
const steps = JSON.parse(stepsJson);
const browser = await puppeteer.launch({
  executablePath, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
});
const requests = [];
try {
  const page = await browser.newPage();
  page.on('request', r => requests.push(r.url()));
  const report = async () => ({
    url: page.url(),
    title: await page.title(),
    text: await page.$eval('main', m => m.innerText),
    answer: await page.$eval('#answer', a => a.textContent).catch(() => null),
    requests: requests.splice(0),
  });
  for(const step of steps) {
    if(step.open !== undefined) {
      await page.goto(new URL(step.open, base).href, {waitUntil: 'load'});
    } else {
      await page.goto(base, {waitUntil: 'load'});
      requests.splice(0);
      await page.type('#cid', step.lookup);
      const navigated = page.waitForNavigation({timeout: 5000}).then(() => true, () => false);
      await page.click('button[type=submit]');
      const answered = page.waitForFunction(
        () => document.querySelector('#answer') && document.querySelector('#answer').className === 'none',
        {timeout: 5000}).then(() => true, () => false);
      await Promise.race([navigated, answered]);
      await page.waitForFunction(() => document.readyState === 'complete');
    }
    console.log(JSON.stringify(await report()));
  }
} finally {
  await browser.close();
}
