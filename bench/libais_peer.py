#!/usr/bin/python3
"""The libais peer for bench/sagar_bench: decodes an NMEA file with Debian's python3-ais and prints timings.

libais's decoder is C++; users reach it from Python. Two figures, both on the file sagar_bench measures:
  stream  ais.nmea_queue.NmeaQueue (libais's framing, checksums and reassembly) over every line;
  decode  ais.decode(payload, fill_bits) alone, on payloads extracted and joined beforehand (not timed),
          which is as close to the C++ decoder as Python allows.
Output, one line each: "<name> <seconds> <messages>".
"""
import logging
import sys
import time

import ais
from ais import nmea_queue


def stream_decode(lines):
    queue = nmea_queue.NmeaQueue()
    decoded = 0
    start = time.perf_counter()
    for line in lines:
        queue.put(line)
        while queue.qsize():
            if 'decoded' in queue.get():
                decoded += 1
    return time.perf_counter() - start, decoded


def payloads_of(lines):
    """(payload, fill_bits) of every message, fragments joined per channel and sequence id."""
    payloads = []
    open_messages = {}
    for line in lines:
        fields = line.split(',')
        if len(fields) != 7 or not fields[0].endswith(('VDM', 'VDO')):
            continue
        count, number, seq, channel, payload = fields[1], fields[2], fields[3], fields[4], fields[5]
        fill = int(fields[6].split('*')[0] or 0)
        if count == '1':
            payloads.append((payload, fill))
            continue
        key = (channel, seq)
        parts = open_messages.get(key, []) if number != '1' else []
        parts.append(payload)
        if number == count:
            payloads.append((''.join(parts), fill))
            open_messages.pop(key, None)
        else:
            open_messages[key] = parts
    return payloads


def decode_only(payloads):
    decoded = 0
    start = time.perf_counter()
    for payload, fill in payloads:
        try:
            ais.decode(payload, fill)
            decoded += 1
        except ais.DecodeError:
            pass
    return time.perf_counter() - start, decoded


def main():
    logging.disable(logging.CRITICAL)  # libais logs every message it cannot decode
    with open(sys.argv[1], encoding='ascii', errors='replace') as f:
        lines = f.read().splitlines()
    seconds, decoded = stream_decode(lines)
    print(f'stream {seconds:.6f} {decoded}')
    seconds, decoded = decode_only(payloads_of(lines))
    print(f'decode {seconds:.6f} {decoded}')


if __name__ == '__main__':
    main()
