"""Reading `hanzi-ngrams.bin` from the table-building scripts (`glyph-alikes.py`,
`component-alikes.py`): its CJK characters and how often official text wrote each."""
import struct


def characters(path):
    """The table's characters of the CJK Unified Ideographs block with their counts, in the
    table's order."""
    data = open(path, 'rb').read()
    assert data[:4] == b'GWNG', 'not a hanzi-ngrams table'
    count = struct.unpack_from('<I', data, 8)[0]
    out = []
    for i in range(count):
        code, seen, _, _ = struct.unpack_from('<IIII', data, 28 + 16 * i)
        if 0x4e00 <= code <= 0x9fff:
            out.append((chr(code), seen))
    return out
