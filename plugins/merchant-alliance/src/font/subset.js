// node subset.js <font.ttf> <characters.txt> <subset.ttf>: keeps only the glyphs of the given characters (HarfBuzz's
// hb-subset through the subset-font package), as TrueType, which PDFBox embeds (and subsets again) per document.
// Without GSUB: PDFBox would otherwise set "off" with an ff ligature that reads back from the PDF as "o". Without
// GPOS and hinting, which PDFBox does not use.
const fs = require('fs');
const subsetFont = require('subset-font');
const [input, characters, output] = process.argv.slice(2);
subsetFont(fs.readFileSync(input), fs.readFileSync(characters, 'utf8'), {
  targetFormat: 'truetype',
  dropTables: ['GSUB', 'GPOS'],
  noLayoutClosure: true,
  noHinting: true,
})
  .then((subset) => {
    fs.writeFileSync(output, subset);
    console.log(`${output}: ${subset.length} bytes`);
  });
