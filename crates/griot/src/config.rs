//! Where griot finds users' extra lexicon rows: `--agents FILE` on the command line, and the
//! `agents = [...]` list of a config file (`--config FILE`, else `$GRIOT_CONFIG`, else
//! `griot.toml` in the working directory when present). Relative paths in a config file are read
//! from the config file's folder.

use anyhow::{Context, Result};
use griot_coder::Lexicon;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug, Clone)]
pub struct LexiconArgs {
    /// Extra agent rows (TSV, the format of griot-lexicon's data/agents.tsv); repeatable.
    #[arg(long = "agents", value_name = "FILE")]
    pub agents: Vec<PathBuf>,
    /// Config file (TOML) listing extra lexicon files.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    #[serde(default)]
    agents: Vec<PathBuf>,
}

impl LexiconArgs {
    pub fn load(&self) -> Result<Lexicon> {
        let mut files = self.config_agents()?;
        files.extend(self.agents.iter().cloned());
        let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
        Lexicon::load(&refs).context("loading the lexicon")
    }

    fn config_agents(&self) -> Result<Vec<PathBuf>> {
        let path = match &self.config {
            Some(p) => Some(p.clone()),
            None => std::env::var_os("GRIOT_CONFIG")
                .map(PathBuf::from)
                .or_else(|| Some(PathBuf::from("griot.toml")).filter(|p| p.is_file())),
        };
        let Some(path) = path else {
            return Ok(Vec::new());
        };
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading config {}", path.display()))?;
        let config: Config =
            toml::from_str(&text).with_context(|| format!("parsing config {}", path.display()))?;
        let base = path.parent().unwrap_or(Path::new("."));
        Ok(config.agents.into_iter().map(|p| base.join(p)).collect())
    }
}
