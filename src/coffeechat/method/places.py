"""Where someone is, as people write it ("Chicago, IL", "London", "Seoul, South Korea",
"Greater Boston Area"): their IANA time zone and their country (and region) for public holidays.

A kept table of common cities, US states, Canadian provinces and countries with one time zone.
A place it cannot tell (an unknown town, "United States", which spans several zones) gives None,
and the caller falls back to the user's own time zone and says so. Plain Python, no Django.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    zone: str  # IANA name, e.g. America/Chicago
    country: str  # ISO 3166-1 alpha-2, for public holidays
    region: str = ""  # subdivision code the holidays library knows (a US state), or ""
    name: str = ""  # the words matched, for "Chicago time"


# Cities: zone, country, region.
_CITIES: dict[str, tuple[str, str, str]] = {
    # United States
    "new york": ("America/New_York", "US", "NY"),
    "new york city": ("America/New_York", "US", "NY"),
    "nyc": ("America/New_York", "US", "NY"),
    "brooklyn": ("America/New_York", "US", "NY"),
    "manhattan": ("America/New_York", "US", "NY"),
    "boston": ("America/New_York", "US", "MA"),
    "washington dc": ("America/New_York", "US", "DC"),
    "washington d.c.": ("America/New_York", "US", "DC"),
    "philadelphia": ("America/New_York", "US", "PA"),
    "pittsburgh": ("America/New_York", "US", "PA"),
    "atlanta": ("America/New_York", "US", "GA"),
    "miami": ("America/New_York", "US", "FL"),
    "orlando": ("America/New_York", "US", "FL"),
    "tampa": ("America/New_York", "US", "FL"),
    "charlotte": ("America/New_York", "US", "NC"),
    "raleigh": ("America/New_York", "US", "NC"),
    "raleigh-durham": ("America/New_York", "US", "NC"),
    "baltimore": ("America/New_York", "US", "MD"),
    "detroit": ("America/Detroit", "US", "MI"),
    "ann arbor": ("America/Detroit", "US", "MI"),
    "columbus": ("America/New_York", "US", "OH"),
    "cleveland": ("America/New_York", "US", "OH"),
    "cincinnati": ("America/New_York", "US", "OH"),
    "indianapolis": ("America/Indiana/Indianapolis", "US", "IN"),
    "chicago": ("America/Chicago", "US", "IL"),
    "houston": ("America/Chicago", "US", "TX"),
    "dallas": ("America/Chicago", "US", "TX"),
    "austin": ("America/Chicago", "US", "TX"),
    "san antonio": ("America/Chicago", "US", "TX"),
    "minneapolis": ("America/Chicago", "US", "MN"),
    "st. louis": ("America/Chicago", "US", "MO"),
    "saint louis": ("America/Chicago", "US", "MO"),
    "kansas city": ("America/Chicago", "US", "MO"),
    "nashville": ("America/Chicago", "US", "TN"),
    "new orleans": ("America/Chicago", "US", "LA"),
    "milwaukee": ("America/Chicago", "US", "WI"),
    "madison": ("America/Chicago", "US", "WI"),
    "denver": ("America/Denver", "US", "CO"),
    "boulder": ("America/Denver", "US", "CO"),
    "salt lake city": ("America/Denver", "US", "UT"),
    "phoenix": ("America/Phoenix", "US", "AZ"),
    "los angeles": ("America/Los_Angeles", "US", "CA"),
    "san francisco": ("America/Los_Angeles", "US", "CA"),
    "san francisco bay": ("America/Los_Angeles", "US", "CA"),
    "silicon valley": ("America/Los_Angeles", "US", "CA"),
    "san jose": ("America/Los_Angeles", "US", "CA"),
    "oakland": ("America/Los_Angeles", "US", "CA"),
    "palo alto": ("America/Los_Angeles", "US", "CA"),
    "san diego": ("America/Los_Angeles", "US", "CA"),
    "sacramento": ("America/Los_Angeles", "US", "CA"),
    "seattle": ("America/Los_Angeles", "US", "WA"),
    "portland": ("America/Los_Angeles", "US", "OR"),
    "las vegas": ("America/Los_Angeles", "US", "NV"),
    "anchorage": ("America/Anchorage", "US", "AK"),
    "honolulu": ("Pacific/Honolulu", "US", "HI"),
    # Canada
    "toronto": ("America/Toronto", "CA", "ON"),
    "ottawa": ("America/Toronto", "CA", "ON"),
    "montreal": ("America/Toronto", "CA", "QC"),
    "quebec city": ("America/Toronto", "CA", "QC"),
    "vancouver": ("America/Vancouver", "CA", "BC"),
    "victoria": ("America/Vancouver", "CA", "BC"),
    "calgary": ("America/Edmonton", "CA", "AB"),
    "edmonton": ("America/Edmonton", "CA", "AB"),
    "winnipeg": ("America/Winnipeg", "CA", "MB"),
    "halifax": ("America/Halifax", "CA", "NS"),
    # Elsewhere
    "london": ("Europe/London", "GB", ""),
    "manchester": ("Europe/London", "GB", ""),
    "edinburgh": ("Europe/London", "GB", "SCT"),
    "glasgow": ("Europe/London", "GB", "SCT"),
    "cambridge": ("Europe/London", "GB", ""),
    "oxford": ("Europe/London", "GB", ""),
    "dublin": ("Europe/Dublin", "IE", ""),
    "paris": ("Europe/Paris", "FR", ""),
    "lyon": ("Europe/Paris", "FR", ""),
    "berlin": ("Europe/Berlin", "DE", "BE"),
    "munich": ("Europe/Berlin", "DE", "BY"),
    "hamburg": ("Europe/Berlin", "DE", "HH"),
    "frankfurt": ("Europe/Berlin", "DE", "HE"),
    "amsterdam": ("Europe/Amsterdam", "NL", ""),
    "brussels": ("Europe/Brussels", "BE", ""),
    "zurich": ("Europe/Zurich", "CH", "ZH"),
    "geneva": ("Europe/Zurich", "CH", "GE"),
    "vienna": ("Europe/Vienna", "AT", ""),
    "madrid": ("Europe/Madrid", "ES", ""),
    "barcelona": ("Europe/Madrid", "ES", ""),
    "lisbon": ("Europe/Lisbon", "PT", ""),
    "rome": ("Europe/Rome", "IT", ""),
    "milan": ("Europe/Rome", "IT", ""),
    "stockholm": ("Europe/Stockholm", "SE", ""),
    "copenhagen": ("Europe/Copenhagen", "DK", ""),
    "oslo": ("Europe/Oslo", "NO", ""),
    "helsinki": ("Europe/Helsinki", "FI", ""),
    "warsaw": ("Europe/Warsaw", "PL", ""),
    "prague": ("Europe/Prague", "CZ", ""),
    "athens": ("Europe/Athens", "GR", ""),
    "istanbul": ("Europe/Istanbul", "TR", ""),
    "tel aviv": ("Asia/Jerusalem", "IL", ""),
    "dubai": ("Asia/Dubai", "AE", ""),
    "mumbai": ("Asia/Kolkata", "IN", ""),
    "bangalore": ("Asia/Kolkata", "IN", ""),
    "bengaluru": ("Asia/Kolkata", "IN", ""),
    "delhi": ("Asia/Kolkata", "IN", ""),
    "new delhi": ("Asia/Kolkata", "IN", ""),
    "hyderabad": ("Asia/Kolkata", "IN", ""),
    "singapore": ("Asia/Singapore", "SG", ""),
    "hong kong": ("Asia/Hong_Kong", "HK", ""),
    "shanghai": ("Asia/Shanghai", "CN", ""),
    "beijing": ("Asia/Shanghai", "CN", ""),
    "shenzhen": ("Asia/Shanghai", "CN", ""),
    "taipei": ("Asia/Taipei", "TW", ""),
    "seoul": ("Asia/Seoul", "KR", ""),
    "tokyo": ("Asia/Tokyo", "JP", ""),
    "osaka": ("Asia/Tokyo", "JP", ""),
    "sydney": ("Australia/Sydney", "AU", "NSW"),
    "melbourne": ("Australia/Melbourne", "AU", "VIC"),
    "brisbane": ("Australia/Brisbane", "AU", "QLD"),
    "perth": ("Australia/Perth", "AU", "WA"),
    "auckland": ("Pacific/Auckland", "NZ", ""),
    "wellington": ("Pacific/Auckland", "NZ", ""),
    "mexico city": ("America/Mexico_City", "MX", ""),
    "sao paulo": ("America/Sao_Paulo", "BR", ""),
    "rio de janeiro": ("America/Sao_Paulo", "BR", ""),
    "buenos aires": ("America/Argentina/Buenos_Aires", "AR", ""),
    "bogota": ("America/Bogota", "CO", ""),
    "lima": ("America/Lima", "PE", ""),
    "santiago": ("America/Santiago", "CL", ""),
    "nairobi": ("Africa/Nairobi", "KE", ""),
    "lagos": ("Africa/Lagos", "NG", ""),
    "cape town": ("Africa/Johannesburg", "ZA", ""),
    "johannesburg": ("Africa/Johannesburg", "ZA", ""),
    "cairo": ("Africa/Cairo", "EG", ""),
}

# US states and Canadian provinces, by code and by name: zone (the most populous part's).
_US_STATES: dict[str, tuple[str, str]] = {
    "AL": ("alabama", "America/Chicago"), "AK": ("alaska", "America/Anchorage"),
    "AZ": ("arizona", "America/Phoenix"), "AR": ("arkansas", "America/Chicago"),
    "CA": ("california", "America/Los_Angeles"), "CO": ("colorado", "America/Denver"),
    "CT": ("connecticut", "America/New_York"), "DE": ("delaware", "America/New_York"),
    "DC": ("district of columbia", "America/New_York"), "FL": ("florida", "America/New_York"),
    "GA": ("georgia", "America/New_York"), "HI": ("hawaii", "Pacific/Honolulu"),
    "ID": ("idaho", "America/Boise"), "IL": ("illinois", "America/Chicago"),
    "IN": ("indiana", "America/Indiana/Indianapolis"), "IA": ("iowa", "America/Chicago"),
    "KS": ("kansas", "America/Chicago"), "KY": ("kentucky", "America/New_York"),
    "LA": ("louisiana", "America/Chicago"), "ME": ("maine", "America/New_York"),
    "MD": ("maryland", "America/New_York"), "MA": ("massachusetts", "America/New_York"),
    "MI": ("michigan", "America/Detroit"), "MN": ("minnesota", "America/Chicago"),
    "MS": ("mississippi", "America/Chicago"), "MO": ("missouri", "America/Chicago"),
    "MT": ("montana", "America/Denver"), "NE": ("nebraska", "America/Chicago"),
    "NV": ("nevada", "America/Los_Angeles"), "NH": ("new hampshire", "America/New_York"),
    "NJ": ("new jersey", "America/New_York"), "NM": ("new mexico", "America/Denver"),
    "NY": ("new york state", "America/New_York"), "NC": ("north carolina", "America/New_York"),
    "ND": ("north dakota", "America/Chicago"), "OH": ("ohio", "America/New_York"),
    "OK": ("oklahoma", "America/Chicago"), "OR": ("oregon", "America/Los_Angeles"),
    "PA": ("pennsylvania", "America/New_York"), "RI": ("rhode island", "America/New_York"),
    "SC": ("south carolina", "America/New_York"), "SD": ("south dakota", "America/Chicago"),
    "TN": ("tennessee", "America/Chicago"), "TX": ("texas", "America/Chicago"),
    "UT": ("utah", "America/Denver"), "VT": ("vermont", "America/New_York"),
    "VA": ("virginia", "America/New_York"), "WA": ("washington", "America/Los_Angeles"),
    "WV": ("west virginia", "America/New_York"), "WI": ("wisconsin", "America/Chicago"),
    "WY": ("wyoming", "America/Denver"),
}  # fmt: skip
_CA_PROVINCES: dict[str, tuple[str, str]] = {
    "ON": ("ontario", "America/Toronto"), "QC": ("quebec", "America/Toronto"),
    "BC": ("british columbia", "America/Vancouver"), "AB": ("alberta", "America/Edmonton"),
    "MB": ("manitoba", "America/Winnipeg"), "SK": ("saskatchewan", "America/Regina"),
    "NS": ("nova scotia", "America/Halifax"), "NB": ("new brunswick", "America/Moncton"),
    "NL": ("newfoundland and labrador", "America/St_Johns"),
    "PE": ("prince edward island", "America/Halifax"),
}  # fmt: skip

# Countries with one time zone (names as people write them): zone, country code. Countries that
# span several (the United States, Canada, Russia, Australia, Brazil, Mexico) are left out:
# naming only them does not tell the zone.
_COUNTRIES: dict[str, tuple[str, str]] = {
    "united kingdom": ("Europe/London", "GB"), "uk": ("Europe/London", "GB"),
    "great britain": ("Europe/London", "GB"), "england": ("Europe/London", "GB"),
    "scotland": ("Europe/London", "GB"), "wales": ("Europe/London", "GB"),
    "ireland": ("Europe/Dublin", "IE"), "france": ("Europe/Paris", "FR"),
    "germany": ("Europe/Berlin", "DE"), "deutschland": ("Europe/Berlin", "DE"),
    "netherlands": ("Europe/Amsterdam", "NL"), "the netherlands": ("Europe/Amsterdam", "NL"),
    "belgium": ("Europe/Brussels", "BE"), "switzerland": ("Europe/Zurich", "CH"),
    "austria": ("Europe/Vienna", "AT"), "spain": ("Europe/Madrid", "ES"),
    "portugal": ("Europe/Lisbon", "PT"), "italy": ("Europe/Rome", "IT"),
    "sweden": ("Europe/Stockholm", "SE"), "denmark": ("Europe/Copenhagen", "DK"),
    "norway": ("Europe/Oslo", "NO"), "finland": ("Europe/Helsinki", "FI"),
    "poland": ("Europe/Warsaw", "PL"), "czech republic": ("Europe/Prague", "CZ"),
    "czechia": ("Europe/Prague", "CZ"), "greece": ("Europe/Athens", "GR"),
    "turkey": ("Europe/Istanbul", "TR"), "israel": ("Asia/Jerusalem", "IL"),
    "united arab emirates": ("Asia/Dubai", "AE"), "uae": ("Asia/Dubai", "AE"),
    "india": ("Asia/Kolkata", "IN"), "singapore": ("Asia/Singapore", "SG"),
    "hong kong": ("Asia/Hong_Kong", "HK"), "china": ("Asia/Shanghai", "CN"),
    "taiwan": ("Asia/Taipei", "TW"), "south korea": ("Asia/Seoul", "KR"),
    "korea": ("Asia/Seoul", "KR"), "republic of korea": ("Asia/Seoul", "KR"),
    "japan": ("Asia/Tokyo", "JP"), "new zealand": ("Pacific/Auckland", "NZ"),
    "philippines": ("Asia/Manila", "PH"), "vietnam": ("Asia/Ho_Chi_Minh", "VN"),
    "thailand": ("Asia/Bangkok", "TH"), "malaysia": ("Asia/Kuala_Lumpur", "MY"),
    "pakistan": ("Asia/Karachi", "PK"), "bangladesh": ("Asia/Dhaka", "BD"),
    "nigeria": ("Africa/Lagos", "NG"), "kenya": ("Africa/Nairobi", "KE"),
    "south africa": ("Africa/Johannesburg", "ZA"), "egypt": ("Africa/Cairo", "EG"),
    "argentina": ("America/Argentina/Buenos_Aires", "AR"), "colombia": ("America/Bogota", "CO"),
    "peru": ("America/Lima", "PE"), "chile": ("America/Santiago", "CL"),
}  # fmt: skip

_NOISE = re.compile(r"^(greater)\s+|\s+(metropolitan|metro|area|region)\b.*$")


def _words(text: str) -> str:
    """Lower case, accents off, single spaces, LinkedIn's "Greater ... Area" trimmed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = " ".join(text.split())
    return _NOISE.sub("", text).strip()


def _state(part: str, raw: str) -> Place | None:
    code = raw.strip().upper()
    for table, country in ((_US_STATES, "US"), (_CA_PROVINCES, "CA")):
        if code in table and len(raw.strip()) == 2:
            return Place(table[code][1], country, code, raw.strip())
        for region, (name, zone) in table.items():
            if part == name:
                return Place(zone, country, region, raw.strip())
    return None


def _one(part: str, raw: str) -> Place | None:
    """What one comma-separated part names: a city, a state or province, or a country."""
    if part in _CITIES:
        zone, country, region = _CITIES[part]
        return Place(zone, country, region, raw.strip())
    if part in ("usa", "us", "united states", "united states of america", "canada"):
        return None
    state = _state(part, raw)
    if state is not None:
        return state
    if part in _COUNTRIES:
        zone, country = _COUNTRIES[part]
        return Place(zone, country, "", raw.strip())
    return None


def place_of(location: str) -> Place | None:
    """The place a free-text location names, or None when it cannot be told.

    The most specific part wins ("Chicago" in "Chicago, IL"), unless a broader part says it is
    somewhere else: "London, Ontario" is in Canada and "Cambridge, MA" in Massachusetts.
    """
    raws = [raw for raw in location.split(",") if raw.strip()]
    found = [place for raw in raws if (place := _one(_words(raw), raw)) is not None]
    if not found:
        return None
    first, broadest = found[0], found[-1]
    if broadest.name.upper() == first.country:
        return first  # "Berlin, DE" is Germany's code, not Delaware
    if first.country != broadest.country or (
        first.region and broadest.region and first.region != broadest.region
    ):
        return broadest
    return first


def zone_of(location: str) -> str | None:
    place = place_of(location)
    return place.zone if place else None
