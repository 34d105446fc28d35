//! The zip container of an HSDS package (`tid_og_lyst_core::activities::hsds`): a thin wrapper
//! over the `zip` crate (deflate by flate2's pure-Rust backend) that writes
//! each file deflated and reads what zip programs write (stored and deflated
//! files, UTF-8 or CP437 names, folders ignored), with limits on the number
//! of files and the unpacked size, and its errors in Danish. It deflates and
//! inflates, so only the HSDS wasm (`src/bin/hsds.rs`, fetched when a
//! package is first made or read) calls it: the parts' bundles stay
//! without deflate.

use chrono::{Datelike, NaiveDateTime, Timelike};
use std::io::{Cursor, Read, Write};
use zip::result::ZipError as Cause;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// Most bytes a package may unpack to.
pub const MAX_UNPACKED: usize = 64 * 1024 * 1024;
/// Most files in a package.
pub const MAX_FILES: usize = 1_000;

/// Why a zip file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZipError {
    /// Not a zip file, or cut short.
    NotZip,
    /// A compression method other than stored or deflate, or a kind of zip
    /// file the `zip` crate does not read (such as one split over disks).
    Method,
    /// Unpacks to more than [`MAX_UNPACKED`] bytes or holds more than [`MAX_FILES`].
    TooLarge,
    /// Encrypted.
    Locked,
    /// A file whose data does not check out (its name).
    Damaged(String),
}

/// The Danish message, worded in `da.rs`.
impl std::fmt::Display for ZipError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use tid_og_lyst_core::activities::da::hsds as t;
        match self {
            ZipError::NotZip => f.write_str(t::ERR_ZIP),
            ZipError::Method => f.write_str(t::ERR_ZIP_METHOD),
            ZipError::TooLarge => f.write_str(t::ERR_ZIP_LARGE),
            ZipError::Locked => f.write_str(t::ERR_ZIP_LOCKED),
            ZipError::Damaged(name) => f.write_str(&t::err_zip_entry(name)),
        }
    }
}

/// `t` as a zip file's date (local time, to the even second; years are
/// kept within the 1980–2107 zip files can hold).
fn zip_time(t: NaiveDateTime) -> zip::DateTime {
    let year = t.year().clamp(1980, 2107) as u16;
    let [month, day, hour, minute, second] = [t.month(), t.day(), t.hour(), t.minute(), t.second()].map(|v| v as u8);
    zip::DateTime::from_date_and_time(year, month, day, hour, minute, second).unwrap_or_default()
}

/// A zip file of `files` (name, bytes), each deflated and dated `modified`
/// (local time).
///
/// # Panics
///
/// If two files have the same name (the zip crate refuses that); the HSDS
/// export's names are distinct.
pub fn write(files: &[(String, Vec<u8>)], modified: NaiveDateTime) -> Vec<u8> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip_time(modified));
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in files {
        zip.start_file(name.as_str(), options).expect("a zip file of distinct names");
        zip.write_all(data).expect("writing to memory");
    }
    zip.finish().expect("writing to memory").into_inner()
}

/// What a file that cannot be opened in the zip file means to the reader.
fn cause(e: Cause, name: &str) -> ZipError {
    match e {
        Cause::UnsupportedArchive(Cause::PASSWORD_REQUIRED) | Cause::InvalidPassword => ZipError::Locked,
        Cause::UnsupportedArchive(_) | Cause::CompressionMethodNotSupported(_) => ZipError::Method,
        _ => ZipError::Damaged(name.to_string()),
    }
}

/// The files of a zip file (name with its folders, bytes), folders left
/// out, in the order of its directory. Every file is checked (locks,
/// methods, declared sizes) before any is unpacked, and unpacking stops
/// past [`MAX_UNPACKED`] bytes whatever the headers say.
pub fn read(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, ZipError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| match e {
        Cause::UnsupportedArchive(_) => ZipError::Method,
        _ => ZipError::NotZip,
    })?;
    if archive.len() > MAX_FILES {
        return Err(ZipError::TooLarge);
    }
    // The files to unpack (index, name, declared size), from the directory.
    let mut wanted = Vec::new();
    let mut declared = 0u64;
    for i in 0..archive.len() {
        let entry = archive.by_index_data(i).map_err(|_| ZipError::NotZip)?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().map_err(|_| ZipError::NotZip)?.into_owned();
        if entry.encrypted() {
            return Err(ZipError::Locked);
        }
        if !matches!(entry.compression(), CompressionMethod::Stored | CompressionMethod::Deflated) {
            return Err(ZipError::Method);
        }
        declared = declared.saturating_add(entry.size());
        if declared > MAX_UNPACKED as u64 {
            return Err(ZipError::TooLarge);
        }
        wanted.push((i, name, entry.size()));
    }
    let mut out = Vec::with_capacity(wanted.len());
    let mut left = MAX_UNPACKED as u64;
    for (i, name, size) in wanted {
        let file = archive.by_index(i).map_err(|e| cause(e, &name))?;
        // The declared size is a hint, not a bound: the bound is what is
        // left of the limit, and one byte more tells that it was passed.
        let mut data = Vec::with_capacity(size as usize);
        file.take(left + 1).read_to_end(&mut data).map_err(|_| ZipError::Damaged(name.clone()))?;
        let got = data.len() as u64;
        if got > left {
            return Err(ZipError::TooLarge);
        }
        if got != size {
            return Err(ZipError::Damaged(name));
        }
        left -= got;
        out.push((name, data));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap().and_hms_opt(20, 15, 30).unwrap()
    }

    fn files() -> Vec<(String, Vec<u8>)> {
        vec![
            ("datapackage.json".to_string(), b"{}".to_vec()),
            ("services.csv".to_string(), "id,name\n1,Strikkecafé\n".repeat(50).into_bytes()),
            ("æøå.csv".to_string(), "id,name\n2,Gåtur ved åen\n".repeat(20).into_bytes()),
            ("tom.csv".to_string(), Vec::new()),
        ]
    }

    /// A zip file made by the zip crate's own writer with `options`, each
    /// name a folder if it ends in `/`.
    fn made(names: &[(&str, &[u8])], options: SimpleFileOptions) -> Vec<u8> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in names {
            if name.ends_with('/') {
                zip.add_directory(*name, options).unwrap();
            } else {
                zip.start_file(*name, options).unwrap();
                zip.write_all(data).unwrap();
            }
        }
        zip.finish().unwrap().into_inner()
    }

    /// The places of a central directory record's uncompressed size field,
    /// one per file.
    fn central_sizes(zip: &[u8]) -> Vec<usize> {
        zip.windows(4).enumerate().filter(|(_, w)| *w == b"PK\x01\x02").map(|(i, _)| i + 24).collect()
    }

    #[test]
    fn what_is_written_reads_back_deflated_and_dated() {
        let files = files();
        let zip = write(&files, when());
        assert_eq!(read(&zip).unwrap(), files);
        let mut archive = ZipArchive::new(Cursor::new(&zip)).unwrap();
        for i in 0..archive.len() {
            let entry = archive.by_index(i).unwrap();
            assert_eq!(entry.compression(), CompressionMethod::Deflated, "{}", entry.name().unwrap());
            let at = entry.last_modified().unwrap();
            assert_eq!((at.year(), at.month(), at.day()), (2026, 12, 7));
            assert_eq!((at.hour(), at.minute(), at.second()), (20, 15, 30));
        }
        // The Danish name is flagged UTF-8 and kept.
        assert_eq!(archive.by_index(2).unwrap().name().unwrap(), "æøå.csv");
        // Text that repeats is packed smaller than it is.
        assert!(zip.len() < files.iter().map(|(_, d)| d.len()).sum::<usize>());
    }

    #[test]
    fn folders_are_left_out_and_files_keep_their_folder() {
        let zip = made(
            &[("pakke/", b""), ("pakke/services.csv", b"id\n1\n"), ("pakke/tom/", b"")],
            SimpleFileOptions::default(),
        );
        assert_eq!(read(&zip).unwrap(), vec![("pakke/services.csv".to_string(), b"id\n1\n".to_vec())]);
    }

    #[test]
    fn stored_files_from_another_writer_read_back() {
        let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        let zip = made(&[("a.csv", b"id\n1\n"), ("b/c.csv", b"x,y\n")], stored);
        // Stored: the bytes are there as they are.
        assert!(zip.windows(5).any(|w| w == b"id\n1\n"));
        assert_eq!(
            read(&zip).unwrap(),
            vec![("a.csv".to_string(), b"id\n1\n".to_vec()), ("b/c.csv".to_string(), b"x,y\n".to_vec())]
        );
    }

    #[test]
    fn what_is_not_a_whole_zip_file_is_not_read() {
        let zip = write(&files(), when());
        assert_eq!(read(b"not a zip at all, just some text"), Err(ZipError::NotZip));
        assert_eq!(read(b""), Err(ZipError::NotZip));
        assert_eq!(read(&zip[..zip.len() - 30]), Err(ZipError::NotZip));
        assert_eq!(read(&zip[..zip.len() / 2]), Err(ZipError::NotZip));
    }

    #[test]
    fn too_many_files_are_refused() {
        let names: Vec<String> = (0..=MAX_FILES).map(|i| format!("{i}.csv")).collect();
        let named: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
        let zip = made(&named, SimpleFileOptions::default().compression_method(CompressionMethod::Stored));
        assert_eq!(read(&zip), Err(ZipError::TooLarge));
        // One fewer is fine.
        let zip = made(&named[1..], SimpleFileOptions::default().compression_method(CompressionMethod::Stored));
        assert_eq!(read(&zip).unwrap().len(), MAX_FILES);
    }

    #[test]
    fn a_declared_size_past_the_limit_is_refused_before_unpacking() {
        let files = vec![("a.csv".to_string(), b"a".repeat(100)), ("b.csv".to_string(), b"b".repeat(100))];
        let zip = write(&files, when());
        // Each file says it unpacks to just over half the limit: together
        // too much, though neither is.
        let mut bomb = zip.clone();
        for at in central_sizes(&zip) {
            bomb[at..at + 4].copy_from_slice(&(MAX_UNPACKED as u32 / 2 + 1).to_le_bytes());
        }
        assert_eq!(read(&bomb), Err(ZipError::TooLarge));
    }

    #[test]
    fn a_file_longer_than_its_header_says_is_damaged() {
        let zip = write(&[("a.csv".to_string(), b"a".repeat(10_000))], when());
        let mut lying = zip.clone();
        let at = central_sizes(&zip)[0];
        lying[at..at + 4].copy_from_slice(&10u32.to_le_bytes());
        assert_eq!(read(&lying), Err(ZipError::Damaged("a.csv".into())));
    }

    #[test]
    fn locked_files_and_other_methods_are_named_as_such() {
        let zip = write(&files(), when());
        let at = central_sizes(&zip)[1] - 24;
        // The general purpose flag's bit 0: encrypted.
        let mut locked = zip.clone();
        locked[at + 8] |= 1;
        assert_eq!(read(&locked), Err(ZipError::Locked));
        // Method 12, bzip2.
        let mut bzip2 = zip.clone();
        bzip2[at + 10..at + 12].copy_from_slice(&12u16.to_le_bytes());
        assert_eq!(read(&bzip2), Err(ZipError::Method));
    }

    #[test]
    fn a_changed_byte_in_packed_data_is_found_not_read_as_data() {
        let files = files();
        let zip = write(&files, when());
        let mut archive = ZipArchive::new(Cursor::new(&zip)).unwrap();
        let (start, len) = {
            let entry = archive.by_index(1).unwrap();
            (entry.data_start().unwrap() as usize, entry.compressed_size() as usize)
        };
        // Every byte of services.csv's packed data, changed: an error (the
        // file named, or no zip at all), never other text read as that file.
        let mut named = 0;
        for i in start..start + len {
            let mut bad = zip.clone();
            bad[i] ^= 0x55;
            match read(&bad) {
                Err(ZipError::Damaged(name)) => {
                    assert_eq!(name, "services.csv");
                    named += 1;
                }
                Err(ZipError::NotZip) => {}
                other => panic!("byte {i}: {other:?}"),
            }
        }
        assert!(named > 0);
        assert_eq!(read(&zip).unwrap(), files);
    }
}
