// Laurel: Camunda Forms (form-js) writes a few English words of its own — validation errors under a field,
// "Search" in a searchable select, "No results" — that no Tasklist locale file reaches. This module (loaded by
// config.js customScripts) rewrites exactly those words inside a rendered form into Chinese.
const PATTERNS = [
  [/^Field is required\.$/, () => '此项为必填。'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `至少 ${m[1]} 个字。`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `最多 ${m[1]} 个字。`],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱地址。'],
  [/^Field must match pattern (.+)\.$/, () => '格式不正确。'],
  [/^No results$/, () => '没有匹配的选项'],
];
const PLACEHOLDERS = { Search: '输入以搜索', Select: '请选择' };

function translateText(node) {
  const text = node.nodeValue && node.nodeValue.trim();
  if (!text) return;
  for (const [pattern, to] of PATTERNS) {
    const m = text.match(pattern);
    if (m) {
      node.nodeValue = to(m);
      return;
    }
  }
}

function translate(root) {
  root.querySelectorAll('.fjs-container input[placeholder]').forEach((input) => {
    const zh = PLACEHOLDERS[input.getAttribute('placeholder')];
    if (zh) input.setAttribute('placeholder', zh);
  });
  root.querySelectorAll('.fjs-container').forEach((form) => {
    const walker = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) translateText(node);
  });
}

let scheduled = false;
new MutationObserver(() => {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    translate(document);
  });
}).observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true,
  attributeFilter: ['placeholder'] });
