//! The camera scanner's QR code reader as a wasm of its own: a frame's
//! pixels in, the text of the code it shows out. Only a browser without a
//! `BarcodeDetector` that reads QR codes needs it, and only on "Skan svar"
//! (`ui::scanner` fetches it through the loader's `tolQrReader()`), so no
//! first load carries it; the service worker keeps it for offline use like
//! every other file.
//!
//! Two well-kept pure Rust crates, each for what it does best: `rxing` (the
//! ZXing port) finds the code in the frame (its hybrid binarizer and finder
//! patterns find a dense code in an unevenly lit, blurred frame where
//! quirc's region search, which `rqrr` ports, often finds none), and `rqrr`
//! reads the modules it sampled (rxing's own reader would bring every
//! legacy text encoding's tables along: 146 KB brotli against 88 KB).

/// The luminance (0 black … 255 white) of RGBA pixels, by the integer
/// weights of BT.601 (the alpha is ignored: a camera's frame is opaque).
#[cfg(any(target_arch = "wasm32", test))]
fn luma(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| ((u32::from(p[0]) * 77 + u32::from(p[1]) * 150 + u32::from(p[2]) * 29) >> 8) as u8)
        .collect()
}

/// The text of the QR code that reads in a `width` × `height` image of
/// luminance values (row by row), if one does.
#[cfg(any(target_arch = "wasm32", test))]
fn read_luma(luma: &[u8], width: usize, height: usize) -> Option<String> {
    use rxing::common::{DetectorRXingResult, HybridBinarizer};
    use rxing::{Binarizer, DecodeHints, Luma8LuminanceSource};
    if width == 0 || height == 0 || luma.len() < width * height {
        return None;
    }
    let source = Luma8LuminanceSource::new(luma[..width * height].to_vec(), width as u32, height as u32).ok()?;
    let binarizer = HybridBinarizer::new(source);
    let black = binarizer.get_black_matrix().ok()?;
    let hints = DecodeHints { TryHarder: Some(true), ..DecodeHints::default() };
    let found = rxing::qrcode::detector::Detector::new(black).detect_with_hints(&hints).ok()?;
    let modules = found.getBits();
    let side = modules.getWidth() as usize;
    let grid = rqrr::SimpleGrid::from_func(side, |x, y| modules.get(x as u32, y as u32));
    rqrr::Grid::new(grid).decode().ok().map(|(_, text)| text)
}

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// The text of the QR code in a frame of RGBA pixels (a canvas's
    /// `ImageData`), or nothing when none reads.
    #[wasm_bindgen]
    pub fn read(rgba: &[u8], width: u32, height: u32) -> Option<String> {
        let (w, h) = (width as usize, height as usize);
        if rgba.len() < w * h * 4 {
            return None;
        }
        super::read_luma(&super::luma(&rgba[..w * h * 4]), w, h)
    }
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;
    use tid_og_lyst_core::sync::link;

    /// A `side` × `side` frame (white, then a code of `text` drawn at
    /// `module` pixels a module, a little off the grid, with soft edges as a
    /// camera blurs them), as luminance.
    fn frame(text: &str, side: usize, module: f64, offset: f64) -> Vec<u8> {
        let (modules, d) = link::qr_path(text).expect("the text fits a code");
        let mut dark = vec![false; modules * modules];
        // The path is `M{x} {y}h{w}v1h-{w}z` per run of dark modules.
        for run in d.split('M').filter(|r| !r.is_empty()) {
            let nums: Vec<usize> = run
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap())
                .collect();
            let (x, y, w) = (nums[0], nums[1], nums[2]);
            for i in x..x + w {
                dark[y * modules + i] = true;
            }
        }
        let mut out = vec![255u8; side * side];
        for py in 0..side {
            for px in 0..side {
                // Four samples a pixel: grey where a module's edge crosses it.
                let mut sum = 0u32;
                for (sx, sy) in [(0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75)] {
                    let mx = ((px as f64 + sx - offset) / module).floor();
                    let my = ((py as f64 + sy - offset) / module).floor();
                    let on = mx >= 0.0
                        && my >= 0.0
                        && (mx as usize) < modules
                        && (my as usize) < modules
                        && dark[my as usize * modules + mx as usize];
                    sum += if on { 30 } else { 230 };
                }
                out[py * side + px] = (sum / 4) as u8;
            }
        }
        out
    }

    #[test]
    fn reads_most_frames_of_a_code_as_dense_as_a_long_share_part() {
        // A link as long as one QR code of a long share (`sync::parts`):
        // version 24, 113 modules a side. Drawn at 3 to 6 pixels a module,
        // at two offsets off the pixel grid: a camera's frame at arm's length.
        let link = format!("https://eksempel.dk/skal-kan#del=0123456789.1.2.{}", "AbC-_9x".repeat(122));
        let (modules, _) = link::qr_path(&link).unwrap();
        assert!(modules >= 113 + 8, "{modules} modules");
        let (mut read, mut tried) = (0, 0);
        for step in 0..=6 {
            let module = 3.0 + f64::from(step) * 0.5;
            for offset in [7.25, 7.75] {
                let side = (modules as f64 * module) as usize + 20;
                tried += 1;
                if read_luma(&frame(&link, side, module, offset), side, side).as_deref() == Some(link.as_str()) {
                    read += 1;
                }
            }
        }
        // rqrr alone read under a third of such frames; a video gives several tries a second.
        assert!(read * 4 >= tried * 3, "read {read} of {tried} frames");
    }

    #[test]
    fn nothing_in_a_blank_or_cut_frame() {
        assert_eq!(read_luma(&vec![255; 64 * 48], 64, 48), None);
        assert_eq!(read_luma(&[0; 10], 64, 48), None);
        assert_eq!(read_luma(&[], 0, 0), None);
    }

    #[test]
    fn luma_weighs_green_most() {
        assert_eq!(luma(&[255, 255, 255, 255, 0, 0, 0, 255]), [255, 0]);
        assert!(luma(&[0, 255, 0, 255])[0] > luma(&[255, 0, 0, 255])[0]);
    }
}
