// Prints the characters of the GB2312 rows this plugin's PDF font covers: ASCII, a few common marks outside GB2312,
// the symbol rows 1-9 and both levels of hanzi (rows 16-87), decoded from their EUC-CN bytes with Node's GBK decoder.
const decoder = new TextDecoder('gbk', { fatal: true });
let text = '';
for (let code = 0x20; code <= 0x7e; code++) {
  text += String.fromCharCode(code);
}
for (let code = 0xff01; code <= 0xff5e; code++) {
  text += String.fromCharCode(code); // fullwidth forms: ＡＢＣ１２３（）
}
text += '￥¥㎡•–©®™';
for (const [first, last] of [[1, 9], [16, 87]]) {
  for (let row = first; row <= last; row++) {
    for (let cell = 1; cell <= 94; cell++) {
      try {
        text += decoder.decode(Uint8Array.of(0xa0 + row, 0xa0 + cell));
      } catch (unassigned) {
        // a hole in the table
      }
    }
  }
}
process.stdout.write(text);
