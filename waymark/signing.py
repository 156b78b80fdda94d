"""Signing a copy's SHA256SUMS, so that a field worker can tell it is the organisation's.

Ed25519 keys from the `cryptography` package. `keygen` writes a private key
(PEM, readable by its owner only) and its public key beside it (`.pub`);
the organisation publishes the public key, and its fingerprint appears on
every language's Offline page (`public_key` in waymark.yml), so that anyone
can compare the key they were given with the one the guides name. A
signature is a text file with one line of base64.
"""
import base64
import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

SIGNATURE_SUFFIX = ".sig"


def keygen(private_path):
    """Write a new key pair: `private_path` and `private_path`.pub. Refuses
    to overwrite a key. Returns (private path, public path)."""
    private_path = Path(private_path)
    public_path = private_path.with_name(private_path.name + ".pub")
    for path in (private_path, public_path):
        if path.exists():
            raise FileExistsError(f"{path} exists already: a key is never overwritten "
                                  f"(choose another name)")
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(serialization.Encoding.PEM,
                                    serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    private_path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(private_pem)
    public_path.write_bytes(key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    return private_path, public_path


def read_private_key(path):
    return _load(path, serialization.load_pem_private_key, Ed25519PrivateKey, "private",
                 password=None)


def read_public_key(path):
    return _load(path, serialization.load_pem_public_key, Ed25519PublicKey, "public")


def _load(path, loader, wanted, kind, **options):
    path = Path(path)
    try:
        key = loader(path.read_bytes(), **options)
    except (ValueError, TypeError, OSError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not a PEM key file"
        raise ValueError(f"{path}: cannot read the {kind} key: {reason}") from None
    if not isinstance(key, wanted):
        raise ValueError(f"{path}: not an Ed25519 {kind} key (make one with 'waymark keygen')")
    return key


def fingerprint(public_key):
    """SHA-256 of the raw public key, in groups of four hex digits: what a
    person compares by eye."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    digest = hashlib.sha256(raw).hexdigest().upper()
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))


def sign(private_key, data):
    """The signature of `data`, as the text of a .sig file."""
    return base64.b64encode(private_key.sign(data)).decode("ascii") + "\n"


def check(public_key, data, signature_text):
    """Whether `signature_text` (a .sig file's text) signs `data` with this key."""
    try:
        public_key.verify(base64.b64decode(signature_text.strip(), validate=True), data)
    except (InvalidSignature, ValueError):
        return False
    return True
