// The "unsaved input" guard on every form but the event form (keyboard.test.mjs covers that
// one): typing into a form makes the browser ask before the tab closes (a `beforeunload`
// dialog); once the form is saved, or cancelled, the tab closes without asking.
// Person, organisation, recommendation and settings edit a record in place: their form stays
// built after saving, so only the form's own lower() stands between a save and the question.
// The agreement form leaves the page on saving. The agreement page's sections are rebuilt when
// the agreement changes, so what is typed in one of its forms is kept by the page: the last
// test saves the other form meanwhile.
import assert from 'node:assert/strict';
import { e2e } from './harness.mjs';
import { startWithSample, searchAgreements } from './flows.mjs';

const REGULATION_2018 = 'Quy chế phối hợp công tác giữa Ủy ban nhân dân tỉnh và Ban Chấp hành Tỉnh đoàn Trà Vinh, giai đoạn 2018 - 2022';
const TYPED = 'Đang gõ dở, chưa lưu';

function nav(page, name) {
  return page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name, exact: true }).click();
}

function toast(page, text) {
  return page.getByRole('status').getByText(text, { exact: true }).waitFor();
}

const h1 = (page, name) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

async function openRegulation(page) {
  await searchAgreements(page, 'quy che 2018');
  await page.getByRole('link', { name: REGULATION_2018, exact: true }).click();
  await h1(page, REGULATION_2018);
}

/** The regulation's results and close-out, where its two forms are. */
async function openResults(page) {
  await openRegulation(page);
  await page.getByRole('link', { name: 'Kết quả và tổng kết', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Kết quả theo nội dung phối hợp' }).waitFor();
}

async function editRegulation(page) {
  await openRegulation(page);
  await page.getByRole('link', { name: 'Sửa', exact: true }).click();
  await h1(page, 'Sửa văn bản');
}

const save = (page) => page.getByRole('button', { name: 'Lưu', exact: true }).click();

// Each form: how a user opens it (from the register the sample leaves on screen), the field
// typed into, and how the form is finished (saved or cancelled) and seen to be.
const FORMS = [
  {
    form: 'agreement form',
    open: editRegulation,
    field: (page) => page.getByLabel('Ghi chú', { exact: true }),
    done: 'saving',
    finish: async (page) => { await save(page); await h1(page, REGULATION_2018); },
  },
  {
    form: 'agreement form',
    open: editRegulation,
    field: (page) => page.getByLabel('Ghi chú', { exact: true }),
    done: 'cancelling',
    finish: async (page) => {
      await page.getByRole('link', { name: 'Hủy', exact: true }).click();
      await h1(page, REGULATION_2018);
    },
  },
  {
    form: 'results by area',
    open: openResults,
    field: (page) => page.getByLabel('Minh chứng', { exact: true }),
    done: 'saving',
    finish: async (page) => {
      await page.getByRole('button', { name: 'Ghi kết quả', exact: true }).click();
      await toast(page, 'Đã ghi kết quả.');
    },
  },
  {
    form: 'close-out',
    open: openResults,
    field: (page) => page.getByLabel('Bài học kinh nghiệm', { exact: true }),
    done: 'saving',
    finish: async (page) => {
      await page.getByRole('button', { name: 'Lưu tổng kết', exact: true }).click();
      await toast(page, 'Đã lưu tổng kết giai đoạn.');
    },
  },
  {
    form: 'person',
    open: async (page) => {
      await nav(page, 'Cá nhân');
      await page.getByRole('link', { name: 'Đồng Văn Lâm', exact: true }).click();
      await h1(page, 'Đồng Văn Lâm');
    },
    field: (page) => page.getByLabel('Ghi chú', { exact: true }),
    done: 'saving',
    finish: async (page) => { await save(page); await toast(page, 'Đã lưu'); },
  },
  {
    form: 'organisation',
    open: async (page) => {
      await nav(page, 'Cơ quan');
      await page.getByRole('link', { name: 'Sở Y tế', exact: true }).click();
      await h1(page, 'Sở Y tế (Trà Vinh)');
    },
    field: (page) => page.getByLabel('Ghi chú', { exact: true }),
    done: 'saving',
    finish: async (page) => { await save(page); await toast(page, 'Đã lưu'); },
  },
  {
    form: 'settings (office name)',
    open: async (page) => { await nav(page, 'Cài đặt'); await h1(page, 'Cài đặt'); },
    field: (page) => page.getByLabel('Tên cơ quan / đơn vị', { exact: true }),
    done: 'saving',
    // The office's own form: Settings also keeps the editor's name, with its own "Lưu".
    finish: async (page) => {
      const form = page.locator('form').filter({ has: page.getByLabel('Tên cơ quan / đơn vị', { exact: true }) });
      await form.getByRole('button', { name: 'Lưu', exact: true }).click();
      await page.getByText('Đã lưu tên cơ quan.').waitFor();
    },
  },
  {
    form: 'recommendation',
    open: async (page) => {
      const content = 'Bổ sung biên chế cán bộ chuyên trách Đoàn cấp huyện theo quy định.';
      await nav(page, 'Kiến nghị');
      await page.getByRole('link', { name: content, exact: true }).click();
      await h1(page, content);
      await page.getByRole('link', { name: 'Sửa', exact: true }).click();
      await page.getByLabel('Nội dung trả lời', { exact: true }).waitFor();
    },
    field: (page) => page.getByLabel('Nội dung trả lời', { exact: true }),
    done: 'saving',
    finish: async (page) => { await save(page); await toast(page, 'Đã lưu thay đổi.'); },
  },
  {
    form: 'recommendation status',
    open: async (page) => {
      const content = 'Bổ sung biên chế cán bộ chuyên trách Đoàn cấp huyện theo quy định.';
      await nav(page, 'Kiến nghị');
      await page.getByRole('link', { name: content, exact: true }).click();
      await h1(page, content);
      // Another status than the current one, so that applying it changes the record.
      const status = page.locator('#recommendation-new-status');
      const current = await status.inputValue();
      const values = await status.locator('option').evaluateAll((os) => os.map((o) => o.value));
      await status.selectOption(values.find((v) => v !== current));
    },
    field: (page) => page.locator('#recommendation-status-note'),
    done: 'applying it',
    finish: async (page) => {
      await page.getByRole('button', { name: 'Cập nhật trạng thái', exact: true }).click();
      await page.getByRole('status').getByText(/^Đã chuyển trạng thái sang/).waitFor();
    },
  },
];

/**
 * Closes the tab as a user does (running its beforeunload handlers). Resolves to 'beforeunload'
 * when the browser asked (the dialog is dismissed: the tab stays open) or 'closed'.
 */
async function closeTab(page) {
  const outcome = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the tab neither asked nor closed in 30 s')), 30_000);
    page.once('dialog', async (dialog) => {
      clearTimeout(timer);
      await dialog.dismiss();
      resolve(dialog.type());
    });
    page.once('close', () => { clearTimeout(timer); resolve('closed'); });
  });
  await page.close({ runBeforeUnload: true });
  return outcome;
}

for (const { form, open, field, done, finish } of FORMS) {
  e2e(`${form}: closing the tab with typed input asks first; after ${done} it does not`, async ({ context, url }) => {
    // A tab of its own: this test closes it (the harness keeps using `page`).
    const page = await context.newPage();
    await startWithSample(page, url);
    await open(page);
    await field(page).fill(TYPED);
    assert.equal(await closeTab(page), 'beforeunload', 'the browser asked before closing');
    assert.equal(await field(page).inputValue(), TYPED, 'dismissed: the tab and the input are still there');

    await finish(page);
    assert.equal(await closeTab(page), 'closed', `after ${done}, the tab closes without asking`);
  }, { timeout: 120_000 });
}

e2e('agreement page: input typed in the close-out survives saving a result (and still guards the tab)', async ({ context, url }) => {
  const page = await context.newPage();
  await startWithSample(page, url);
  await openResults(page);
  const lessons = page.getByLabel('Bài học kinh nghiệm', { exact: true });
  await lessons.fill(TYPED);

  // Meanwhile a result is recorded in the form above: the agreement changes, the page redraws.
  const year = page.locator('#result-year');
  await year.selectOption('2019');
  await page.getByLabel('Minh chứng', { exact: true }).fill('Báo cáo số 12/BC-TĐ');
  await page.getByRole('button', { name: 'Ghi kết quả', exact: true }).click();
  await toast(page, 'Đã ghi kết quả.');
  await page.locator('td[title="Báo cáo số 12/BC-TĐ"]').waitFor();

  assert.equal(await lessons.inputValue(), TYPED, 'the close-out keeps what was typed');
  assert.equal(await year.inputValue(), '2019', 'the results form keeps its year for the next result');
  assert.equal(await page.getByLabel('Minh chứng', { exact: true }).inputValue(), '', 'and clears the saved text');
  assert.equal(await closeTab(page), 'beforeunload', 'the close-out is still unsaved: the browser asks');

  await page.getByRole('button', { name: 'Lưu tổng kết', exact: true }).click();
  await toast(page, 'Đã lưu tổng kết giai đoạn.');
  await page.reload();
  await h1(page, REGULATION_2018);
  assert.equal(await lessons.inputValue(), TYPED, 'the typed lessons were saved');
  assert.equal(await closeTab(page), 'closed');
}, { timeout: 120_000 });

e2e('leaving a page through the app with typed input asks first; staying keeps the input, cancelling does not ask', async ({ page, url }) => {
  await startWithSample(page, url);
  await nav(page, 'Cơ quan');
  await page.getByRole('link', { name: 'Sở Y tế', exact: true }).click();
  await h1(page, 'Sở Y tế (Trà Vinh)');
  const notes = page.getByLabel('Ghi chú', { exact: true });
  await notes.fill(TYPED);

  // A menu link: the question comes; "stay" keeps the page, its address and the input.
  const answer = async (act, how) => {
    const dialog = page.waitForEvent('dialog');
    const acting = act();
    const d = await dialog;
    const seen = [d.type(), d.message()];
    await (how === 'stay' ? d.dismiss() : d.accept());
    await acting;
    return seen;
  };
  assert.deepEqual(await answer(() => nav(page, 'Sự kiện'), 'stay'),
    ['confirm', 'Biểu mẫu còn nội dung chưa lưu. Rời trang này và bỏ nội dung đó?']);
  await h1(page, 'Sở Y tế (Trà Vinh)');
  assert.equal(await notes.inputValue(), TYPED);
  assert.match(page.url(), /#\/organisations\/[0-9a-f-]{36}$/);

  // The browser's Back button asks the same way.
  assert.equal((await answer(() => page.goBack(), 'stay'))[0], 'confirm');
  await page.waitForFunction(() => location.hash.startsWith('#/organisations/'));
  await h1(page, 'Sở Y tế (Trà Vinh)');
  assert.equal(await notes.inputValue(), TYPED);

  // Accepting leaves; the next page does not inherit the flag.
  await answer(() => nav(page, 'Sự kiện'), 'leave');
  await h1(page, 'Sự kiện');
  // The new page does not inherit the flag: moving on asks nothing.
  let asked = false;
  page.on('dialog', (dialog) => { asked = true; dialog.dismiss(); });
  await nav(page, 'Kiến nghị');
  await h1(page, 'Kiến nghị');
  assert.equal(asked, false, 'nothing unsaved on the new page');
}, { timeout: 120_000 });

e2e('cancelling the agreement form leaves without a question', async ({ page, url }) => {
  await startWithSample(page, url);
  await editRegulation(page);
  await page.getByLabel('Ghi chú', { exact: true }).fill(TYPED);
  let asked = false;
  page.on('dialog', (dialog) => { asked = true; dialog.dismiss(); });
  await page.getByRole('link', { name: 'Hủy', exact: true }).click();
  await h1(page, REGULATION_2018);
  assert.equal(asked, false);
}, { timeout: 120_000 });
