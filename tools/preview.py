"""Render a project's Word export to PDF and PNG pages, to look at the layout.

    make preview PROJECT=fixtures/example/yunxi-2025.json

Exports the project (forced: a preview is wanted even while errors remain) to
``build/preview/<name>.docx``, converts it with LibreOffice to PDF and with pdftoppm to
one PNG per page. A developer tool, not part of the tests: it needs LibreOffice and
poppler, and says how to install them when they are missing.

The official fonts (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体) are not on Linux; a
fontconfig alias file maps them to Noto CJK SC faces so the preview is close (TECH.md §4).
Real typography comes from the clerk's Word or WPS fonts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "preview"

INSTALL_HINT = """\
预览需要 LibreOffice 和 pdftoppm（poppler），以及中文字体。Debian/Ubuntu 上安装：
  sudo apt-get install -y --no-install-recommends \\
      libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-liberation
（fonts-liberation 提供与 Times New Roman 等宽的字体，数字和英文的换行位置才与 Word 一致）
macOS（Homebrew）：brew install --cask libreoffice && brew install poppler"""

# Official font names → the closest Noto CJK face installed by fonts-noto-cjk.
ALIASES = {
    "方正小标宋简体": "Noto Serif CJK SC",
    "仿宋_GB2312": "Noto Serif CJK SC",
    "仿宋": "Noto Serif CJK SC",
    "宋体": "Noto Serif CJK SC",
    "楷体_GB2312": "Noto Serif CJK SC",
    "楷体": "Noto Serif CJK SC",
    "黑体": "Noto Sans CJK SC",
}


def fontconfig(folder: Path) -> Path:
    """A fonts.conf that includes the system one and adds the aliases above."""
    aliases = "\n".join(
        f'  <alias binding="same"><family>{name}</family><prefer><family>{face}</family>'
        "</prefer></alias>"
        for name, face in ALIASES.items()
    )
    path = folder / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f'  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n{aliases}\n'
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description="把项目导出为 Word 并渲染成 PDF 和 PNG 页面")
    parser.add_argument("project", help="项目文件（.json）")
    parser.add_argument("--template", help="单位的 Word 模板（.docx）")
    parser.add_argument("--dpi", type=int, default=80, help="PNG 分辨率（默认 80）")
    args = parser.parse_args()

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftoppm = shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        missing = "、".join(
            n for n, p in (("LibreOffice", soffice), ("pdftoppm", pdftoppm)) if not p
        )
        print(f"没有找到 {missing}。\n{INSTALL_HINT}", file=sys.stderr)
        return 1

    OUT.mkdir(parents=True, exist_ok=True)
    stem = Path(args.project).stem
    docx = OUT / f"{stem}.docx"
    command = [sys.executable, "-m", "drafter", "export", args.project, "-o", str(docx), "--force"]
    if args.template:
        command += ["--template", args.template]
    if subprocess.run(command).returncode != 0:
        return 1

    env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig(OUT)))
    profile = (OUT / "lo_profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(OUT), str(docx)],
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    pdf = OUT / f"{stem}.pdf"
    for old in OUT.glob(f"{stem}-*.png"):
        old.unlink()
    subprocess.run(
        [pdftoppm, "-r", str(args.dpi), "-png", str(pdf), str(OUT / stem)], env=env, check=True
    )
    pages = sorted(OUT.glob(f"{stem}-*.png"))
    print(f"PDF：{pdf}")
    print(f"PNG（{len(pages)} 页）：" + "  ".join(str(p.relative_to(ROOT)) for p in pages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
