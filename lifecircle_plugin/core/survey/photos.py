"""Reading a photo for the package: bytes from a file or memory, a safe original name."""
from __future__ import annotations

import mimetypes
import unicodedata
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Optional, Tuple, Union

from ..errors import InputError

MAX_PHOTO_BYTES = 50 * 1024 * 1024
_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif"), (b"BM", "image/bmp"),
)


def photo_bytes(source: Union[str, Path, bytes, bytearray, memoryview],
                original_name: Optional[str]) -> Tuple[bytes, str]:
    """(bytes, original name) of a photo given as a path or as bytes.

    The name keeps only its last component (a Windows or POSIX path is cut), NFC. A
    missing or unreadable file, an empty file and one over MAX_PHOTO_BYTES are refused.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name = original_name or "photo"
    else:
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read the photo: {exc.strerror}", file=path) from None
        name = original_name or path.name
    if not data:
        raise InputError("the photo is empty", file=name)
    if len(data) > MAX_PHOTO_BYTES:
        raise InputError(f"the photo is larger than {MAX_PHOTO_BYTES // 2**20} MB", file=name)
    name = unicodedata.normalize("NFC", name)
    name = PureWindowsPath(PurePosixPath(name).name).name.strip() or "photo"
    return data, name


def sniff_mime(data: bytes, name: str) -> Optional[str]:
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "image/heic"
    return mimetypes.guess_type(name)[0]
