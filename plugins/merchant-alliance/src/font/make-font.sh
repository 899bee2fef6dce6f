#!/usr/bin/env bash
# Re-makes the handbook PDF's font: Noto Sans SC Regular (SIL OFL 1.1) cut down to the characters of
# gb2312-characters.js. Run once by hand when the character set changes; the build uses the committed result and
# needs neither Node nor the network. Needs node and npm (the npm registry).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/../main/resources/cn/tongyi/plugin/merchant/handbook"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent @expo-google-fonts/noto-sans-sc@0.4.3 >/dev/null
tar xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz package/400Regular/NotoSansSC_400Regular.ttf package/LICENSE_FONT
npm init -y >/dev/null
npm install --silent subset-font@2.9.0 >/dev/null
cp "$here/subset.js" .
node "$here/gb2312-characters.js" > characters.txt
node subset.js package/400Regular/NotoSansSC_400Regular.ttf characters.txt "$target/NotoSansSC-Regular-GB2312.ttf"
cp package/LICENSE_FONT "$target/NotoSansSC-OFL.txt"
