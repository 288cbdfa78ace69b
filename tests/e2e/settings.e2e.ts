import { expect, test } from './support';

test('fill the settings, see field errors, save, reload and find them restored', async ({ page }) => {
	await page.goto('/settings');
	await expect(page.getByRole('heading', { name: '支払い方法設定 › クロネコwebコレクト' })).toBeVisible();

	const merchant = page.getByLabel('加盟店コード');
	const key = page.getByLabel('アクセスキー', { exact: true });
	await merchant.fill('12ab');
	await key.fill('Secret123');
	await expect(key).toHaveAttribute('type', 'password');
	await page.getByRole('button', { name: 'アクセスキーを表示' }).click();
	await expect(key).toHaveAttribute('type', 'text');
	await page.getByRole('button', { name: 'アクセスキーを隠す' }).click();
	await expect(key).toHaveAttribute('type', 'password');

	// The ten-key fields appear only when ON, and are then required.
	await expect(page.getByLabel('プライベートIPアドレス')).toHaveCount(0);
	await page.getByRole('switch', { name: /テンキーパッド入力/ }).check();
	await page.getByLabel('プライベートIPアドレス').fill('8.8.8.8');
	await page.getByRole('button', { name: '保存' }).click();

	await expect(page.getByText('加盟店コードは半角数字で入力してください。')).toBeVisible();
	await expect(page.getByText('プライベートIPアドレス（10.x.x.x、172.16〜31.x.x、192.168.x.x）を入力してください。')).toBeVisible();
	await expect(page.getByText('テンキーパッドをONにするときは、ポート番号を入力してください。')).toBeVisible();
	await expect(merchant).toHaveAttribute('aria-invalid', 'true');

	// Nothing invalid was saved.
	await page.reload();
	await expect(page.getByLabel('加盟店コード')).toHaveValue('');

	await page.getByLabel('加盟店コード').fill('12345678');
	await page.getByLabel('アクセスキー', { exact: true }).fill('Secret123');
	await page.getByRole('radio', { name: /消費者に表示/ }).check();
	await page.getByRole('switch', { name: /テンキーパッド入力/ }).check();
	await page.getByLabel('プライベートIPアドレス').fill('192.168.10.20');
	await page.getByLabel('ポート番号').fill('65535');
	await page.getByLabel('支払いの説明').fill('VISA・JCB・AMEXが使えます。');
	await page.getByLabel('通知メール文').fill('カードの請求は発送日に確定します。');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByText('保存しました。')).toBeVisible();

	await page.reload();
	await expect(page.getByLabel('加盟店コード')).toHaveValue('12345678');
	await expect(page.getByLabel('アクセスキー', { exact: true })).toHaveValue('Secret123');
	await expect(page.getByLabel('アクセスキー', { exact: true })).toHaveAttribute('type', 'password');
	await expect(page.getByRole('radio', { name: /消費者に表示/ })).toBeChecked();
	await expect(page.getByRole('switch', { name: /テンキーパッド入力/ })).toBeChecked();
	await expect(page.getByLabel('プライベートIPアドレス')).toHaveValue('192.168.10.20');
	await expect(page.getByLabel('ポート番号')).toHaveValue('65535');
	await expect(page.getByLabel('支払いの説明')).toHaveValue('VISA・JCB・AMEXが使えます。');
});

test('the previews follow availability, description and mail text live', async ({ page }) => {
	await page.goto('/settings');
	const cart = page.getByTestId('cart-preview');
	await page.getByLabel('支払いの説明').fill('ご利用いただけるカード：VISA');
	await page.getByRole('radio', { name: /消費者に表示/ }).check();
	await expect(cart).toContainText('クレジットカード');
	await expect(cart).toContainText('ご利用いただけるカード：VISA');

	await page.getByRole('radio', { name: /消費者に非表示/ }).check();
	await expect(cart).not.toContainText('クレジットカード');
	await expect(page.getByText(/管理画面（電話注文など）でのみ利用できます/)).toBeVisible();

	await page.getByRole('radio', { name: /利用しない/ }).check();
	await expect(cart).not.toContainText('クレジットカード');

	await page.getByLabel('通知メール文').fill('カード決済のお客様へのお知らせ');
	await expect(page.getByTestId('mail-preview-card')).toContainText('カード決済のお客様へのお知らせ');
	await expect(page.getByTestId('mail-preview-card')).not.toContainText('@@message_each_payment_method@@');
	await expect(page.getByTestId('mail-preview-other')).not.toContainText('カード決済のお客様へのお知らせ');
	await expect(page.getByTestId('mail-preview-other')).not.toContainText('@@message_each_payment_method@@');
});
