#!/usr/bin/env python3
"""Generate data/sample.nmea, the synthetic AIS feed that the README decodes.

Deterministic and standard library only.  It carries its own minimal AIS encoder, written from the
ITU-R M.1371 field layouts: bit packing, 6-bit armouring, NMEA checksums, multi-sentence splitting.
Usage: tools/make_sample.py [--seed N] [--out PATH]
"""
import argparse
import calendar
import math
import random
import time
from functools import reduce
from pathlib import Path

START = calendar.timegm((2026, 11, 1, 0, 0, 0))  # 2026-11-01T00:00:00Z
HOUR = 3600
MAX_CHARS = 60  # payload characters per sentence
BASE = 4190001  # base station 004190001, Mumbai


# ---- encoder ------------------------------------------------------------------------------------
class Bits:
    def __init__(self):
        self.s = []

    def u(self, width, value):  # unsigned field
        assert 0 <= value < 1 << width, (value, width)
        self.s.append(format(value, f"0{width}b"))
        return self

    def i(self, width, value):  # two's complement field
        assert -(1 << (width - 1)) <= value < 1 << (width - 1), (value, width)
        return self.u(width, value & ((1 << width) - 1))

    def text(self, chars, value):  # 6-bit ASCII, padded with '@'
        for c in value.upper().ljust(chars, "@")[:chars]:
            self.u(6, ord(c) - 64 if ord(c) >= 64 else ord(c))
        return self

    def head(self, mtype, mmsi):  # message type, repeat indicator, MMSI
        return self.u(6, mtype).u(2, 0).u(30, mmsi)

    def lonlat(self, lon, lat, lon_bits=28, lat_bits=27, per_degree=600000):  # 1/10000 minute
        return self.i(lon_bits, round(lon * per_degree)).i(lat_bits, round(lat * per_degree))

    def dims(self, bow, stern, port, starboard):  # position reference point, metres
        return self.u(9, bow).u(9, stern).u(6, port).u(6, starboard)

    def armour(self):
        bits = "".join(self.s)
        fill = -len(bits) % 6
        bits += "0" * fill
        values = (int(bits[k:k + 6], 2) for k in range(0, len(bits), 6))
        return "".join(chr(v + 48 if v < 40 else v + 56) for v in values), fill


def xor(text):
    return reduce(lambda a, c: a ^ ord(c), text, 0)


def nmea(body, lead="!"):
    return f"{lead}{body}*{xor(body):02X}"


def sentences(payload, fill, channel, seq):
    parts = [payload[k:k + MAX_CHARS] for k in range(0, len(payload), MAX_CHARS)]
    n = len(parts)
    return [nmea(f"AIVDM,{n},{k + 1},{seq if n > 1 else ''},{channel},{p},{fill if k == n - 1 else 0}")
            for k, p in enumerate(parts)]


def tag_block(**fields):  # NMEA 4.10; the checksum covers the text between '\' and '*'
    body = ",".join(f"{k}:{v}" for k, v in fields.items())
    return f"\\{body}*{xor(body):02X}\\"


# ---- message layouts (ITU-R M.1371-5) -----------------------------------------------------------
CS_RADIO = 0b11100000000000000110  # Class B "CS" communication state


def msg_position(v, t, mtype, rng):  # types 1, 2, 3: Class A position report
    lat, lon = v.pos(t)
    rate = 0 if v.sog < 1 else rng.choice([0, 0, 0, 1, -2])  # degrees per minute
    rot = -128 if v.no_rot else round(math.copysign(4.733 * math.sqrt(abs(rate)), rate))
    sog = max(0.0, v.sog + rng.gauss(0, 0.15)) if v.sog else rng.choice([0, 0, 0.1])
    cog = (v.cog + rng.gauss(0, 0.6)) % 360
    heading = v.heading if v.status == 1 else round(cog + rng.uniform(-3, 3)) % 360
    radio = rng.getrandbits(19 if mtype != 3 else 17)  # SOTDMA / ITDMA state, not modelled
    return (Bits().head(mtype, v.mmsi).u(4, v.status).i(8, rot).u(10, round(sog * 10)).u(1, v.accuracy)
            .lonlat(lon, lat).u(12, round(cog * 10) % 3600).u(9, heading).u(6, t % 60).u(2, 0).u(3, 0)
            .u(1, 0).u(19, radio))


def msg_static(v):  # type 5: static and voyage related data
    month, day, hour, minute = v.eta
    b = Bits().head(5, v.mmsi).u(2, 0).u(30, v.imo).text(7, v.callsign).text(20, v.name).u(8, v.shiptype)
    return (b.dims(*v.dims).u(4, 1).u(4, month).u(5, day).u(5, hour).u(6, minute)
            .u(8, round(v.draught * 10)).text(20, v.dest).u(1, 0).u(1, 0))


def msg_class_b(v, t, rng):  # type 18: standard Class B position report
    lat, lon = v.pos(t)
    sog, cog = max(0.0, v.sog + rng.gauss(0, 0.2)), (v.cog + rng.gauss(0, 2)) % 360
    return (Bits().head(18, v.mmsi).u(8, 0).u(10, round(sog * 10)).u(1, 0).lonlat(lon, lat)
            .u(12, round(cog * 10) % 3600).u(9, 511).u(6, t % 60).u(2, 0)
            .u(1, 1).u(1, 0).u(1, 1).u(1, 1).u(1, 1).u(1, 0).u(1, 0).u(20, CS_RADIO))  # CS, DSC, band, msg 22


def msg_class_b_ext(v, t):  # type 19: extended Class B position report
    lat, lon = v.pos(t)
    return (Bits().head(19, v.mmsi).u(8, 0).u(10, round(v.sog * 10)).u(1, 0).lonlat(lon, lat)
            .u(12, round(v.cog * 10)).u(9, 511).u(6, t % 60).u(4, 0).text(20, v.name).u(8, v.shiptype)
            .dims(*v.dims).u(4, 1).u(1, 0).u(1, 0).u(1, 0).u(4, 0))


def msg_24(v):  # type 24 part A (name) and part B (type, vendor "SGR" model 2 serial, call sign, dimensions)
    return (Bits().head(24, v.mmsi).u(2, 0).text(20, v.name),
            Bits().head(24, v.mmsi).u(2, 1).u(8, v.shiptype).text(3, "SGR").u(4, 2).u(20, v.mmsi % 1000000)
            .text(7, v.callsign).dims(*v.dims).u(4, 1).u(2, 0))


def msg_long_range(v, t):  # type 27: long-range broadcast (1/10 minute, whole knots and degrees)
    lat, lon = v.pos(t)
    return (Bits().head(27, v.mmsi).u(1, 0).u(1, 0).u(4, v.status).lonlat(lon, lat, 18, 17, 600)
            .u(6, round(v.sog)).u(9, round(v.cog) % 360).u(1, 0).u(1, 0))


def msg_base(t):  # type 4: base station report, surveyed position
    y, mo, d, h, mi, s = time.gmtime(START + t)[:6]
    return (Bits().head(4, BASE).u(14, y).u(4, mo).u(5, d).u(5, h).u(6, mi).u(6, s).u(1, 1)
            .lonlat(72.8400, 18.9300).u(4, 7).u(10, 0).u(1, 0).u(19, (3 << 14) | 12))


def msg_aton(mmsi, aid, name, lat, lon, virtual, t):  # type 21: aid to navigation, name extension
    ext = name[20:34]
    return (Bits().head(21, mmsi).u(5, aid).text(20, name[:20]).u(1, 1).lonlat(lon, lat)
            .dims(*([0] * 4 if virtual else [3] * 4)).u(4, 7 if virtual else 1).u(6, t % 60)
            .u(1, 0).u(8, 0).u(1, 0).u(1, virtual).u(1, 0).u(1, 0).text(len(ext), ext))


def msg_sar(t):  # type 9: SAR aircraft, a coast guard patrol southbound off Chennai
    return (Bits().head(9, 111419002).u(12, 460).u(10, 155).u(1, 1)
            .lonlat(80.72 + t * 0.00002, 13.35 - t * 0.0006).u(12, 1870).u(6, t % 60)
            .u(8, 0).u(1, 0).u(3, 0).u(1, 0).u(1, 0).u(20, CS_RADIO))


def msg_safety(text):  # type 14: safety related broadcast
    return Bits().head(14, BASE).u(2, 0).text(len(text), text)


def msg_addressed_text(dest, text):  # type 6, DAC 1 FI 30: text description (addressed)
    return (Bits().head(6, BASE).u(2, 0).u(30, dest).u(1, 0).u(1, 0).u(10, 1).u(6, 30).u(10, 17)
            .text(len(text), text))


def msg_met_hydro(t):  # type 8, DAC 1 FI 31: meteorological and hydrographic data (IMO SN.1/Circ.289)
    d, h, mi = time.gmtime(START + t)[2:5]
    b = Bits().head(8, BASE).u(2, 0).u(10, 1).u(6, 31).lonlat(72.84, 18.93, 25, 24, 60000).u(1, 1)
    b.u(5, d).u(5, h).u(6, mi).u(7, 12).u(7, 17).u(9, 245).u(9, 250)  # wind speed, gust, directions
    b.i(11, 284).u(7, 74).i(10, 233).u(9, 1009 - 799).u(2, 0)  # air 28.4 C, 74 %, dew 23.3 C, 1009 hPa
    b.u(1, 0).u(7, 80).u(12, 1140).u(2, 0).u(8, 6).u(9, 190)  # 8 nm, level +1.40 m, current 0.6 kn
    b.u(8, 255).u(9, 360).u(5, 31).u(8, 255).u(9, 360).u(5, 31)  # currents 2 and 3 not available
    b.u(8, 12).u(6, 7).u(9, 240).u(8, 18).u(6, 11).u(9, 225).u(4, 4)  # waves, swell, sea state
    return b.i(10, 286).u(3, 7).u(9, 362).u(2, 3).u(10, 0)  # water 28.6 C, salinity 36.2


# ---- the scenario -------------------------------------------------------------------------------
REGIONS = {  # receiving station, latitudes, longitudes, courses on straight legs, destinations
    "mumbai": ("rMumbai", (18.4, 19.4), (71.3, 72.3), (200, 20, 265, 305),
               ["INNSA", "IN BOM", "JEBEL ALI", "KARACHI", "SOHAR"]),
    "kochi": ("rKochi", (9.0, 10.3), (74.8, 75.7), (155, 335, 290), ["IN COK", "COLOMBO", "MUNDRA"]),
    "colombo": ("rColombo", (5.45, 5.65), (79.6, 81.6), (90, 270),
                ["SINGAPORE", "LKCMB", "SUEZ FOR ORDERS", "PORT KLANG"]),
    "chennai": ("rChennai", (12.6, 13.6), (80.6, 81.5), (20, 200, 95, 45), ["IN MAA", "KOLKATA", "ENNORE"]),
    "bengal": ("sat-IO-1", (15.5, 18.5), (85.5, 89.0), (30, 210, 140, 320), ["HALDIA", "CHITTAGONG"]),
    "malacca": ("sat-IO-1", (5.9, 6.5), (93.9, 94.6), (105, 285), ["SINGAPORE", "PORT KLANG", "JEDDAH"]),
    "aden": ("sat-IO-1", (12.3, 12.9), (46.5, 49.0), (68, 248), ["SUEZ", "DJIBOUTI", "JEDDAH", "SALALAH"]),
    "arabian": ("sat-IO-1", (11.0, 17.0), (61.0, 68.0), (60, 240, 110, 290), ["FUJAIRAH", "DURBAN"]),
}
FLEET = [("mumbai", 5, 2, 2), ("kochi", 1, 2, 0), ("colombo", 5, 1, 1), ("chennai", 4, 1, 0),  # region,
         ("bengal", 4, 0, 0), ("malacca", 5, 0, 0), ("aden", 5, 0, 0), ("arabian", 5, 0, 0)]  # A, B, anchored
ANCHORAGES = [(18.86, 72.66), (18.83, 72.69), (6.98, 79.80)]  # Mumbai outer anchorage, Colombo
CALLSIGN = {419: "AV", 538: "V7", 563: "9V", 636: "D5", 477: "VR", 366: "WD", 370: "3E", 256: "9H",
            311: "C6", 412: "BO", 440: "D7", 431: "7J", 240: "SV", 470: "A6", 533: "9M"}
DEEP_SEA_MIDS = [538, 538, 636, 636, 563, 563, 477, 477, 419, 370, 256, 311, 412, 440, 431, 240, 470, 533,
                 366]
WORDS = (["OCEAN", "EASTERN", "GOLDEN", "KONKAN", "CORAL", "MONSOON", "SILVER", "JADE", "ORIENT"],
         ["PEARL", "HARMONY", "SPIRIT", "TRADER", "VOYAGER", "GRACE", "PRIDE", "FORTUNE", "EXPRESS", "STAR"])
KINDS = [  # ship type, length, beam, draught, speed
    (71, (200, 366), (32, 51), (9, 14.5), (16, 21)), (70, (180, 292), (30, 45), (10, 17.5), (11, 14)),
    (80, (180, 333), (32, 60), (10, 20), (12, 15)), (70, (100, 180), (16, 28), (6, 9), (11, 14))]
SMALL_CRAFT = [("ST ANTONY", 30), ("SRI MURUGAN", 30), ("KADAL RANI", 30), ("MATHA", 30), ("SEA BREEZE", 37),
               ("WANDERLUST", 36)]


class Vessel:
    def __init__(self, **kw):
        self.__dict__.update(kw)

    def pos(self, t):  # (lat, lon) t seconds along a straight leg
        d, rad = self.sog * t / HOUR, math.radians(self.cog)
        return (self.lat0 + d * math.cos(rad) / 60,
                self.lon0 + d * math.sin(rad) / (60 * math.cos(math.radians(self.lat0))))


def imo_number(rng):  # six digits and the IMO check digit
    digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(5)]
    return int("".join(map(str, digits))) * 10 + sum(d * w for d, w in zip(digits, range(7, 1, -1))) % 10


def make_fleet(rng):
    fleet, names, craft, anchorages = [], set(), iter(SMALL_CRAFT), iter(ANCHORAGES)
    for region, n_a, n_b, n_anchored in FLEET:
        station, lats, lons, courses, dests = REGIONS[region]
        for k in range(n_a + n_b):
            cls_b, anchored = k >= n_a, k < n_anchored
            if cls_b:
                mid, (name, stype), imo = (366 if region == "colombo" else 419), next(craft), 0
                length, beam, draught, speed = rng.randint(10, 18), rng.randint(3, 5), 1.5, rng.uniform(5, 8)
            else:
                mid, name = rng.choice(DEEP_SEA_MIDS), " ".join(map(rng.choice, WORDS))
                while name in names:
                    name = " ".join(map(rng.choice, WORDS))
                stype, lr, br, dr, sr = rng.choice(KINDS)
                length, beam, draught = rng.randint(*lr), rng.randint(*br), round(rng.uniform(*dr), 1)
                speed, imo = rng.uniform(*sr), imo_number(rng)
            names.add(name)
            bow, port = round(length * rng.uniform(0.75, 0.88)), beam // 2
            lat, lon = next(anchorages) if anchored else (rng.uniform(*lats), rng.uniform(*lons))
            fleet.append(Vessel(
                mmsi=mid * 1000000 + rng.randint(100000, 999999), name=name, imo=imo, shiptype=stype,
                callsign=CALLSIGN[mid] + "".join(rng.choices("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", k=3)),
                dims=(bow, length - bow, port, beam - port), draught=draught, dest=rng.choice(dests),
                eta=(11, rng.randint(2, 9), rng.randint(0, 23), rng.choice([0, 30])), station=station,
                lat0=lat, lon0=lon, sog=0.0 if anchored else round(speed, 1), heading=rng.randint(0, 359),
                cog=rng.uniform(0, 360) if anchored else rng.choice(courses),
                status=1 if anchored else (7 if stype == 30 else 0), cls_b=cls_b, accuracy=rng.randint(0, 1),
                no_rot=rng.random() < 0.1, mtype=rng.choices([1, 3], [85, 15])[0], sat=station[:3] == "sat"))
    fleet[2].mtype, fleet[3].mtype = 2, 3
    return fleet


def schedule(fleet, rng):
    """Events (time offset, order, station, bits, channel, dirty kind or None), in time order."""
    ev = []

    def add(t, station, bits, channel=None, dirty=None):
        if 0 <= t < HOUR:
            ev.append((t, len(ev), station, bits, channel or rng.choice("AB"), dirty))

    for n, v in enumerate(fleet):  # what the receivers kept of each vessel's transmissions
        if v.cls_b or v.status == 1:
            period, static_period = (120 if v.cls_b else 180), 360
        else:
            period, static_period = (rng.randint(240, 420), 1800) if v.sat else (rng.randint(45, 75), 360)
        t = rng.randint(0, period - 1)
        while t < HOUR:
            add(t, v.station, msg_class_b(v, t, rng) if v.cls_b else msg_position(v, t, v.mtype, rng))
            t += period + rng.randint(-3, 3)
        for t in range(rng.randint(5, static_period - 1), HOUR, static_period):
            if v.cls_b:
                (part_a, part_b), channel = msg_24(v), rng.choice("AB")  # gpsd pairs parts on one channel
                add(t, v.station, part_a, channel)
                add(t + 2, v.station, part_b, channel)
            else:
                add(t, v.station, msg_static(v))
        if v.sat and n % 3 == 0:
            for t in (rng.randint(0, 1800), rng.randint(1800, 3599)):
                add(t, v.station, msg_long_range(v, t))
    yacht = next(v for v in fleet if v.shiptype == 36)
    for t in (1210, 2410):
        add(t, yacht.station, msg_class_b_ext(yacht, t))
    for t in range(7, HOUR, 60):
        add(t, "rMumbai", msg_base(t))
    for t in range(11, HOUR, 180):
        add(t, "rMumbai", msg_aton(994191001, 29, "MUMBAI FAIRWAY BUOY", 18.8450, 72.7150, 0, t))
        t += 40
        add(t, "rColombo", msg_aton(994171002, 19, "DONDRA HEAD TSS SEPARATION ZONE", 5.75, 80.6, 1, t))
    add(1333, "rChennai", msg_sar(1333))
    add(905, "rMumbai", msg_safety("SECURITE NAVAREA VIII DERELICT CONTAINER REPORTED 18-50N 071-45E "
                                   "KEEP SHARP LOOKOUT"))
    add(1500, "rMumbai", msg_met_hydro(1500))
    mumbai = next(v for v in fleet if v.station == "rMumbai" and not v.cls_b)
    chennai = next(v for v in fleet if v.station == "rChennai" and not v.cls_b)
    add(2102, "rMumbai", msg_addressed_text(mumbai.mmsi, "PILOT BOARDING 0330Z PROCEED TO BERTH"))
    add(1620, "rMumbai", msg_static(mumbai))  # same second, two stations: their fragments interleave
    add(1620, "rChennai", msg_static(chennai))
    for t, kind in ((600, "checksum"), (1200, "truncated"), (1800, "garbage"), (2400, "lone"),
                    (2700, "gga"), (3000, "comment")):
        add(t, "rChennai", msg_position(chennai, t, 1, rng), "A", kind)
    return sorted(ev, key=lambda e: e[:2])


def render(events, rng, seed):
    out = [f"# sagar sample feed: synthetic, generated by tools/make_sample.py (seed {seed}); "
           "not real traffic"]
    seq, group = 0, 100

    def frames(station, t, bits, channel):
        nonlocal seq, group
        lines = sentences(*bits.armour(), channel, seq)
        n, c = len(lines), START + t
        if n > 1:
            seq = (seq + 1) % 10
        if n == 1 and rng.random() < 0.015:  # a Gatehouse header instead of a tag block
            y, mo, d, h, mi, s = time.gmtime(c)[:6]
            return [nmea(f"PGHP,1,{y},{mo},{d},{h},{mi},{s},{rng.randint(0, 999)},419,1,{station},1,"
                         f"{xor(lines[0][1:-3]):02X}", "$"), lines[0]]
        if rng.random() < 0.07:  # no metadata at all
            return lines
        if n > 1 and rng.random() < 0.5:  # NMEA 4.10 sentence grouping
            group += 1
            return [tag_block(**({"g": f"{k + 1}-{n}-{group}"} | ({"s": station, "c": c} if k == 0 else {})))
                    + line for k, line in enumerate(lines)]
        return [tag_block(s=station, c=c) + line for line in lines]

    i = 0
    while i < len(events):
        t, _, station, bits, channel, kind = e = events[i]
        nxt = events[i + 1] if i + 1 < len(events) else None
        if kind:
            out.extend(dirty_lines(kind, START + t, station, bits, seq))
        elif (nxt and nxt[0] == t and nxt[2] != station and not nxt[5]
              and min(len(x[3].armour()[0]) for x in (e, nxt)) > MAX_CHARS):  # both multi-sentence
            a, b = frames(station, t, bits, "A"), frames(nxt[2], t, nxt[3], "B")
            out.extend(x for pair in zip(a, b) for x in pair)  # two stations' fragments interleaved
            i += 1
        else:
            out.extend(frames(station, t, bits, channel))
        i += 1
    return out


def dirty_lines(kind, c, station, bits, seq):
    """Deliberately broken input, so that `sagar decode --stats` has rejections to count."""
    tag, line = tag_block(s=station, c=c), sentences(*bits.armour(), "A", seq)[0]
    return {
        "checksum": [tag + line[:20] + ("0" if line[20] != "0" else "1") + line[21:]],  # corrupted in transit
        "truncated": [tag + line[:32]],  # the receiver link dropped mid-sentence
        "garbage": ["K%Q~~ 8N1 +++ line noise ~~ZZ;;0x1b"],
        "lone": [tag + nmea(f"AIVDM,2,2,{(seq + 5) % 10},B,88888888880,2")],  # its first half never arrived
        "gga": [nmea("GPGGA,004500.00,1305.800,N,08017.300,E,1,09,0.9,12.0,M,-86.0,M,,", "$")],
        "comment": [f"# {station}: receiver feed reconnected"],
    }[kind]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "data" / "sample.nmea")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    lines = render(schedule(make_fleet(rng), rng), rng, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="ascii")
    print(f"wrote {args.out}: {len(lines)} lines, {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
