"""Compare two PNG captures. Prints one line:
'WxH same=N total=M nonblack=K foreground=F' where K counts the second image's non-black
pixels and F its pixels that differ from its most common colour (the background).
Exit status 1 when the sizes differ. Needs Pillow (installed with vncdotool)."""
import sys
from PIL import Image, ImageChops

first = Image.open(sys.argv[1]).convert("RGB")
second = Image.open(sys.argv[2]).convert("RGB")
if first.size != second.size:
    print(f"size mismatch {first.size} {second.size}")
    sys.exit(1)
total = first.size[0] * first.size[1]
same = ImageChops.difference(first, second).convert("L").histogram()[0]
nonblack = total - second.convert("L").histogram()[0]
background = max(second.getcolors(total))[0]
print(f"{first.size[0]}x{first.size[1]} same={same} total={total} nonblack={nonblack} foreground={total - background}")
