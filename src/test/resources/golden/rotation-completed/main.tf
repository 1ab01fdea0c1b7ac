# Rolegate connection c0a8012e-rotation: Rotating
# Apply with credentials of AWS account 111122223333.
# Updates the existing role rolegate-c0a8012e-rotation: replace the earlier version of this file and run
# terraform apply. A role created by hand or with the AWS CLI is not in your Terraform state
# yet; import it first: terraform import aws_iam_role.rolegate rolegate-c0a8012e-rotation

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

resource "aws_iam_role" "rolegate" {
  name                 = "rolegate-c0a8012e-rotation"
  description          = "Read access for Rolegate connection c0a8012e-rotation"
  max_session_duration = 3600
  assume_role_policy   = <<EOT
{
  "Version" : "2012-10-17",
  "Statement" : {
    "Sid" : "RolegateAssumeRoleWithExternalId",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws:iam::999988887777:root"
    },
    "Action" : "sts:AssumeRole",
    "Condition" : {
      "StringEquals" : {
        "sts:ExternalId" : "rg-newid66666666666666666666666666"
      }
    }
  }
}
EOT
}

resource "aws_iam_role_policy" "rolegate_read" {
  name   = "rolegate-read"
  role   = aws_iam_role.rolegate.id
  policy = <<EOT
{
  "Version" : "2012-10-17",
  "Statement" : [ {
    "Sid" : "ListBuckets",
    "Effect" : "Allow",
    "Action" : [ "s3:ListBucket", "s3:ListBucketVersions" ],
    "Resource" : "arn:aws:s3:::acme-exports"
  }, {
    "Sid" : "ReadObjects",
    "Effect" : "Allow",
    "Action" : [ "s3:GetObject", "s3:GetObjectVersion" ],
    "Resource" : "arn:aws:s3:::acme-exports/*"
  }, {
    "Sid" : "LocateBuckets",
    "Effect" : "Allow",
    "Action" : "s3:GetBucketLocation",
    "Resource" : "arn:aws:s3:::acme-exports"
  } ]
}
EOT
}

output "role_arn" {
  description = "Paste this role ARN into Rolegate."
  value       = aws_iam_role.rolegate.arn
}
