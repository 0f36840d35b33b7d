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
    (b"II*\x00", "image/tiff"), (b"MM\x00*", "image/tiff"),
)
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1",
                b"avif")


def photo_bytes(source: Union[str, Path, bytes, bytearray, memoryview],
                original_name: Optional[str]) -> Tuple[bytes, str]:
    """(bytes, original name) of a photo given as a path or as bytes.

    The name keeps only its last component (a Windows or POSIX path is cut), NFC. A
    missing or unreadable file, an empty file, one over MAX_PHOTO_BYTES and one whose
    content is not an image (whatever its name says) are refused.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name = where = original_name or "photo"
    else:
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read the photo: {exc.strerror}", file=path) from None
        name, where = original_name or path.name, path
    if not data:
        raise InputError("the photo is empty (0 bytes)", file=where)
    if len(data) > MAX_PHOTO_BYTES:
        raise InputError(f"the photo is larger than {MAX_PHOTO_BYTES // 2**20} MB", file=where)
    if image_mime(data) is None:
        raise InputError("not an image: a photo must be a JPEG, PNG, GIF, BMP, WebP, HEIC "
                         "or TIFF file (this one's content is none of them)", file=where)
    name = unicodedata.normalize("NFC", name)
    name = PureWindowsPath(PurePosixPath(name).name).name.strip() or "photo"
    return data, name


def image_mime(data: bytes) -> Optional[str]:
    """The image type told by the file's first bytes, or None for anything else."""
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return "image/avif" if data[8:12] == b"avif" else "image/heic"
    return None


def sniff_mime(data: bytes, name: str) -> Optional[str]:
    return image_mime(data) or mimetypes.guess_type(name)[0]
